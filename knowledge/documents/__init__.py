"""Reading any source into text with structure: file formats (loaders, office, tables),
scans (ocr), web pages (crawler), sentences and chunks, and the attributes a document
carries. May import `utils` and `config`; nothing else of the project."""
