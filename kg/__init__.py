"""kg: a knowledge graph of geopolitical relations built from news documents."""
