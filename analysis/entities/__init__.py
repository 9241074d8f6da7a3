"""People, organisations and places: the model's mentions, the ones it missed, their types and canonical names."""
