"""The optional libraries batch runs need, imported only when used.

``pip install ".[batch]"`` (in the framing folder) brings pyarrow and pandas; ``pip install
".[dask]"`` brings dask and distributed. A missing one is reported as one
:class:`~framing.errors.MissingDependency` line naming the extra to install.
"""

from __future__ import annotations

from types import ModuleType

from ..errors import MissingDependency

__all__ = ["need_dask", "need_distributed", "need_pyarrow"]


def need_pyarrow(feature: str = "framing batch") -> ModuleType:
    """The pyarrow module (with ``pyarrow.parquet`` loaded), or a clear error."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency(feature, "pyarrow", "batch") from None
    return pyarrow


def need_dask(feature: str = "the dask engine") -> ModuleType:
    """The dask module, or a clear error."""
    try:
        import dask
    except ImportError:
        raise MissingDependency(feature, "dask", "dask") from None
    return dask


def need_distributed(feature: str = "the dask engine") -> ModuleType:
    """The dask.distributed module, or a clear error."""
    try:
        import distributed
    except ImportError:
        raise MissingDependency(feature, "dask[distributed]", "dask") from None
    return distributed
