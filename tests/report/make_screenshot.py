"""Regenerate docs/report.png: the report for examples/ with its first evidence-backed claim opened.

Run from the repository root: ``python -m tests.report.make_screenshot``. The claim is opened by a
small script added to a copy of the report (with its hash admitted by the CSP), because headless
Chromium has no way to click and a ``#claim`` address would scroll the page away from the overview.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from base64 import b64encode
from pathlib import Path

from tests.report.conftest import EXAMPLES, ROOT, chromium, lint_to

OUTPUT = ROOT / "docs" / "report.png"
WINDOW = "1280,2000"
OPEN_FIRST_CLAIM_WITH_EVIDENCE = """(function () {
  var panel = Array.prototype.find.call(document.querySelectorAll(".panel"), function (p) {
    return p.querySelector(".evidence li");
  });
  if (panel) document.getElementById(panel.getAttribute("data-claim")).click();
})();"""


def main() -> int:
    """Lint examples/, open one claim, screenshot the top of the page into docs/report.png."""
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report = lint_to("html", folder / "report.html", [str(EXAMPLES.relative_to(ROOT))], [])
        digest = b64encode(hashlib.sha256(OPEN_FIRST_CLAIM_WITH_EVIDENCE.encode()).digest()).decode()
        source = report.read_text(encoding="utf-8")
        source = source.replace("</body>", f"<script>{OPEN_FIRST_CLAIM_WITH_EVIDENCE}</script>\n</body>")
        source = re.sub(r"(script-src [^;]+);", lambda m: f"{m.group(1)} 'sha256-{digest}';", source)
        page = folder / "screenshot.html"
        page.write_text(source, encoding="utf-8")
        chromium(
            ["--hide-scrollbars", f"--window-size={WINDOW}", f"--screenshot={OUTPUT}", page.as_uri()],
            folder / "profile",
        )
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
