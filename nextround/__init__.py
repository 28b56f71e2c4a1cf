"""Next Round: an honest picture of a job search, from the spreadsheet the user already keeps.

The core package is pure: no Streamlit, no network. The data flows one way:
read → normalise (``importing``) → analyse → suggest → export.
"""

__version__ = "0.1.0"
