"""Benchmarks against named baselines. They print ratios; they are not tests."""
