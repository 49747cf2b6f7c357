"""Segmentation: normalisation, layout, sentences, tokens, quotations and voices."""
