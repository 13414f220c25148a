"""Analysis: the finders that read a loaded ``Document``.

Outline (GB/T 9704 layers), metadata, citations, figures with their numerals and labels (jieba,
loaded lazily through ``segmenter``, which reads only the words of the pieces it segments from
``dictionary_shards`` in the cache directory; ``pos_tokens`` tags them without jieba.posseg).  Each finder is a pure function returning dataclasses from
``reviewer.model`` with spans into ``document.text``.

May import: ``reviewer.load``, ``reviewer.model``, ``reviewer.messages``, ``reviewer.paths``.
Exports: ``outline.find_sections``, ``metadata.find_metadata``, ``citations.find_citations``,
``figures.find_figures``.  ``reviewer.pipeline.analyze`` runs them with the checks.
"""
