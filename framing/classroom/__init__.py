"""The classroom edition: blind reading, discussion questions, glossary."""
