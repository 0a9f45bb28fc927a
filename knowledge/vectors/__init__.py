"""Where the vectors live: the Qdrant collection and its points (`store`), how this
process reaches it (`clients`: a server, or the embedded Qdrant Edge folder opened here
(`embedded`, `edge`, `edge_optimize`) or through its host process (`embedded_host`)),
which encoder made which points (`generations`) and a document read back from its chunks
(`document_view`). May import `knowledge.encoders`, `config` and `utils`."""
