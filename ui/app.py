"""Placeholder entry point; the real application is built in ui/ by its own change."""

import sys


def main() -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv)
    label = QLabel("报告审阅 Report Reviewer")
    label.show()
    return app.exec()
