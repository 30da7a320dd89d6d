"""govdash: analytics dashboard of governance indicators for Vietnamese local government."""

__version__ = "0.1.0"
