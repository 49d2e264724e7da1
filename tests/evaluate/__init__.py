"""Tests of europenews.evaluate (a package, so module names may repeat those in tests/analyze)."""
