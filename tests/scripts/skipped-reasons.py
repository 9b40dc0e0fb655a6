#!/usr/bin/env python3
"""Prints each skipped test of the given .trx files with its reason: a skip is a test that reported itself
inconclusive, and the run's summary must say why rather than hide it in a count."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") == "NotExecuted":
            # The runner puts the skip reason in ErrorInfo/Message or in StdOut, depending on the adapter.
            texts = [e.text for e in (result.find(".//t:Message", NS), result.find(".//t:StdOut", NS))
                     if e is not None and e.text]
            reason = texts[0] if texts else "no reason given"
            print(f"skipped: {result.get('testName')}: {reason.strip()}")
