"""Whose words and who acts: quotations, speakers, attribution, agency, casualties."""
