#!/usr/bin/env python3
"""Writes golden.json: synthetic collections ranked by the OpenRarity reference implementation itself.

Usage: python3 generate.py <open-rarity checkout> [output]   (see README.md beside this file)

Every collection lists its tokens with their attributes as token metadata carries them (trait_type, value,
display_type) and the reference's answer per token: score, rank and the count of its unique values. The reference
refuses a collection with numeric or date traits; the catalog leaves such traits out entirely, so they are written
to the input and removed before the reference sees the tokens.
"""

import json
import os
import random
import subprocess
import sys

sys.path.insert(0, sys.argv[1])

from open_rarity import Collection, Token  # noqa: E402
from open_rarity.rarity_ranker import RarityRanker  # noqa: E402

NUMERIC_DISPLAY_TYPES = {"number", "boost_number", "boost_percentage", "date"}


def skewed(rng, values, exponent=1.3):
    """Zipf-like pick: the first value is common, the last rare."""
    weights = [1 / (i + 1) ** exponent for i in range(len(values))]
    return rng.choices(values, weights)[0]


def spelled(rng, text):
    """The same value as creators write it: case and surrounding space vary."""
    roll = rng.random()
    if roll < 0.08:
        return text.upper()
    if roll < 0.14:
        return f"  {text} "
    if roll < 0.18:
        return text.lower()
    return text


def main_collection(rng):
    backgrounds = ["Blue", "Orange", "Purple", "Gray", "Yellow", "Army Green", "Aquamarine", "New Punk Blue"]
    bodies = ["Brown", "Golden Brown", "Black", "Cream", "Robot"]
    eyes = ["Bored", "Sleepy", "Closed", "Wide Eyed", "Angry", "Sad", "Coins", "Laser Eyes", "Hypnotized",
            "3d", "Cyborg", "Blindfold"]
    hats = [f"Hat {i}" for i in range(18)] + ["İstanbul Fez", "ΚΑΠΕΛΟΣ"]
    mouths = ["Bored", "Grin", "Phoneme Vuh", "Dumbfounded", "Rage", "Jovial"]
    accessories = [f"Accessory {i}" for i in range(10)]
    clothes = ["None", "", "Tee", "Hoodie", "Tuxedo", "Kimono", "Vest", "Toga", "Sailor", "Bone Necklace",
               "Leather Jacket", "Hawaiian", "Navy Striped Tee", "Sweater", "Glitch\u001f"]

    tokens = []
    for token_id in range(1000):
        attrs = []

        def add(name, value):
            attrs.append({"trait_type": name, "value": value})

        add(spelled(rng, "Background"), spelled(rng, skewed(rng, backgrounds)))
        add("Body", skewed(rng, bodies, 0.8))
        if rng.random() < 0.9:
            add("Eyes", spelled(rng, skewed(rng, eyes)))
        if rng.random() < 0.6:
            add(spelled(rng, "Hat"), spelled(rng, skewed(rng, hats, 1.1)))
        add("Mouth", skewed(rng, mouths, 0.6))
        if rng.random() < 0.05:
            add("Accessory", skewed(rng, accessories, 0.5))
        if rng.random() < 0.85:
            add("Clothes", skewed(rng, clothes, 0.9))
        if rng.random() < 0.5:
            add("Level", rng.randint(1, 100) if rng.random() < 0.7 else float(rng.randint(1, 40)) / 4)
            attrs[-1]["display_type"] = "number"
        if rng.random() < 0.3:
            add("Power", rng.randint(1, 10))
            attrs[-1]["display_type"] = "boost_number"
        if rng.random() < 0.2:
            add("Birthday", 1546360800 + rng.randint(0, 10**8))
            attrs[-1]["display_type"] = "date"
        tokens.append({"tokenId": str(token_id), "attributes": attrs})

    # Unique values: rank first whatever their score (the reference sorts by unique count before score).
    tokens[17]["attributes"].append({"trait_type": "Special", "value": "One of One"})
    tokens[503]["attributes"].append({"trait_type": "Special", "value": "Golden Ticket"})
    tokens[504]["attributes"].append({"trait_type": "Special", "value": "Golden Ticket"})
    # Exact copies share a score, hence a rank.
    for source, copy in [(1, 900), (1, 901), (2, 902), (3, 903), (3, 904), (3, 905), (10, 906), (11, 907)]:
        tokens[copy]["attributes"] = json.loads(json.dumps(tokens[source]["attributes"]))
    # Spelling variants of one trait on one token: after lower-casing and trimming the later one wins.
    tokens[40]["attributes"].extend([{"trait_type": "Mouth ", "value": "Zipper"}, {"trait_type": "MOUTH", "value": "Grin"}])
    # A token with no traits at all, and one whose metadata already claims a trait count.
    tokens[41]["attributes"] = []
    tokens[42]["attributes"].append({"trait_type": "meta_trait:trait_count", "value": "99"})
    # Non-breaking and other Unicode spaces are trimmed as Python's str.strip() trims them.
    tokens[43]["attributes"].append({"trait_type": "Accessory", "value": "\u00a0Accessory 3\u2003"})
    # Python lower-cases with the full Unicode mapping: a final capital sigma becomes ς, a dotted capital I keeps its dot.
    for token_id, hat in [(44, "καπελος"), (45, "ΚΑΠΕΛΟΣ"), (46, "καπελοσ"), (47, "istanbul fez"), (48, "İSTANBUL FEZ")]:
        tokens[token_id]["attributes"] = [a for a in tokens[token_id]["attributes"] if a["trait_type"].strip().lower() != "hat"]
        tokens[token_id]["attributes"].append({"trait_type": "Hat", "value": hat})
    return tokens


def small_collections():
    def token(token_id, attrs):
        return {"tokenId": str(token_id),
                "attributes": [{"trait_type": k, "value": v} for k, v in attrs.items()]}

    return {
        "three": [token(1, {"hat": "cap", "shirt": "blue"}), token(2, {"hat": "visor", "shirt": "green"}),
                  token(3, {"hat": "visor", "shirt": "blue"})],
        "single": [token(7, {"hat": "cap", "eyes": "laser"})],
        "identical": [token(i, {"hat": "cap", "eyes": "laser"}) for i in range(5)],
        "nulls": [token(1, {"hat": "cap"}), token(2, {}), token(3, {"hat": "none"}), token(4, {"eyes": "red"}),
                  token(5, {"hat": "cap", "eyes": "red"}), token(6, {"hat": "Cap "})],
    }


def is_string_trait(attribute):
    return isinstance(attribute["value"], str) and attribute.get("display_type") not in NUMERIC_DISPLAY_TYPES


def rank(name, tokens):
    reference_tokens = []
    for t in tokens:
        # Token metadata is a dictionary: a trait named twice keeps its last value.
        metadata = {a["trait_type"]: a["value"] for a in t["attributes"] if is_string_trait(a)}
        reference_tokens.append(Token.from_erc721("0x0000000000000000000000000000000000000001",
                                                  int(t["tokenId"]), metadata))
    ranked = RarityRanker.rank_collection(Collection(reference_tokens, name=name))
    by_id = {str(r.token.token_identifier.token_id): r for r in ranked}
    return [{"tokenId": t["tokenId"], "score": by_id[t["tokenId"]].score, "rank": by_id[t["tokenId"]].rank,
             "uniqueValues": by_id[t["tokenId"]].token_features.unique_attribute_count} for t in tokens]


def main():
    reference = sys.argv[1]
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "golden.json")
    commit = os.environ.get("OPEN_RARITY_COMMIT") or subprocess.run(
        ["git", "-C", reference, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()

    collections = {"synthetic-1000": main_collection(random.Random(20261203))} | small_collections()
    document = {
        "reference": {"repository": "https://github.com/ProjectOpenSea/open-rarity", "version": "0.7.5",
                      "commit": commit},
        "collections": [{"name": name, "tokens": tokens, "expected": rank(name, tokens)}
                        for name, tokens in collections.items()],
    }
    # One token per line: small enough to commit, readable in a diff.
    def lines(items):
        return ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)

    with open(output, "w", encoding="utf-8") as f:
        f.write('{\n "reference": ' + json.dumps(document["reference"]) + ',\n "collections": [\n')
        f.write(",\n".join(
            '  {"name": ' + json.dumps(c["name"]) + ',\n   "tokens": [\n' + lines(c["tokens"]) + '\n   ],\n'
            + '   "expected": [\n' + lines(c["expected"]) + '\n   ]}' for c in document["collections"]))
        f.write("\n ]\n}\n")


if __name__ == "__main__":
    main()
