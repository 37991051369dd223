"""The city's place list (gazetteer): named places with an address and a position, searched as people type."""
