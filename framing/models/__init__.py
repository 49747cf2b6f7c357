"""Small trained models that framing ships as plain JSON data (no pickle), each with its model card."""
