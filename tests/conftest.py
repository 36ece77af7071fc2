"""Suite-wide settings.

Hypothesis's default 200 ms deadline per example judges speed, which this
project measures with `bench/`, never with tests: on a loaded machine a
correct property fails by the clock alone. Properties judge results only.
"""

from hypothesis import settings

settings.register_profile("quotes", deadline=None)
settings.load_profile("quotes")
