"""The knowledge base: parsing, chunking, embedding and indexing documents in Qdrant."""
