"""Nothing is downloaded: no network, no nltk.download, no hub."""

import socket

import pytest

import framing


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("framing tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import nltk

    monkeypatch.setattr(nltk, "download", refuse)


def test_full_analysis_and_report_offline(no_network, tmp_path):
    text = 'Gov. Ann Lee said the raids were "brutal." Officials disagreed. It rained.'
    result = framing.Pipeline().analyze(text)
    assert result.metrics.readability.flesch_reading_ease != 0
    framing.write_report(framing.compare([result]), tmp_path / "r.html")
