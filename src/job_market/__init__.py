"""Job Market Warehouse: the raw data generator (``job_market.generator``) and its calibration."""

__all__ = ["generate"]


def generate(*args, **kwargs):
    """Shortcut for :func:`job_market.generator.generate` (imported lazily)."""
    from .generator import generate as _generate

    return _generate(*args, **kwargs)
