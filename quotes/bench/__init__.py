"""Benchmarks, apart from the extractor they measure.

``polnear``: the extractor's accuracy and speed on PolNeAR, scored by the shared scorer
(``quotes bench polnear``). ``throughput``: the packaged stanza pipeline's load time and
words per second (``quotes models bench``).
"""
