#!/usr/bin/env python3
"""Prints each failed and each skipped test of the given .trx files with its message: the CI log is often all a
reader has of a run on a fresh machine, so a failure must be explained there, not only counted. A skip is a test
that reported itself inconclusive, and the summary must say why rather than hide it in a count."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
# Enough of a stack trace to find the failing line; the whole .trx stays in .build/test-results.
STACK_LINES = 12


def text(result, tag):
    element = result.find(f".//t:{tag}", NS)
    return element.text.strip() if element is not None and element.text else ""


for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        name = result.get("testName")
        if result.get("outcome") == "Failed":
            print(f"failed: {name}: {text(result, 'Message') or 'no message'}")
            for line in text(result, "StackTrace").splitlines()[:STACK_LINES]:
                print(f"    {line.strip()}")
        elif result.get("outcome") == "NotExecuted":
            # The runner puts the skip reason in ErrorInfo/Message or in StdOut, depending on the adapter.
            reason = text(result, "Message") or text(result, "StdOut") or "no reason given"
            print(f"skipped: {name}: {reason}")
