"""Start the dashboard: ``streamlit run app.py`` with the given options, told from the start that app.py
chooses the pages (st.navigation).

Streamlit decides from the mere presence of a ``pages/`` folder that an app lists its pages there, until
the first run of app.py says otherwise. A bookmarked address such as /overview opened as the server's
first request then shows "Page not found" over the right page. Setting that decision before the server
starts avoids it; should a later Streamlit drop the setting, the app still starts as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parents[1] / "app.py"

if __name__ == "__main__":
    if hasattr(PagesManager, "uses_pages_directory"):
        PagesManager.uses_pages_directory = False
    sys.exit(cli.main(["run", str(APP), *sys.argv[1:]], prog_name="streamlit"))
