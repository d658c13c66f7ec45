"""The shape-walking both model extractors share (extract-ec2-model.py, extract-elbv2-model.py).

Reads a botocore service-2.json(.gz), keeps the listed operations and every shape they reach transitively with
every "documentation" key dropped, and writes the subset (operations and shapes sorted by name; members in model
order) plus the names of every operation in the model, one per line. Only the Python standard library is used.
"""
import gzip
import json
import os
import sys


def strip_docs(node):
    if isinstance(node, dict):
        return {k: strip_docs(v) for k, v in node.items() if k != "documentation"}
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


def referenced_shapes(shape):
    if "members" in shape:
        for member in shape["members"].values():
            yield member["shape"]
    for key in ("member", "key", "value"):
        if key in shape:
            yield shape[key]["shape"]


def load_model(source):
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as f:
        model = json.load(f)
    return model


def require_operations(model, names):
    missing = [op for op in names if op not in model["operations"]]
    if missing:
        sys.exit(f"operations not in the model: {missing}")


def walk(model, names, keep_operation=lambda op: op, keep_shape=lambda name, shape: shape):
    """The operations named and every shape they reach. keep_operation may edit an operation (docs stripped);
    keep_shape may edit a shape or return None to leave it (and what only it reaches) out."""
    operations = {}
    pending = []
    for name in names:
        op = keep_operation(strip_docs(model["operations"][name]))
        operations[name] = op
        for io in ("input", "output"):
            if io in op:
                pending.append(op[io]["shape"])
    shapes = {}
    while pending:
        name = pending.pop()
        if name in shapes:
            continue
        shape = keep_shape(name, strip_docs(model["shapes"][name]))
        if shape is None:
            continue
        shapes[name] = shape
        pending.extend(referenced_shapes(shape))
    return operations, shapes


def write_subset(model, operations, shapes, output, names_file):
    """Writes the subset to output and every operation name of the model to names_file beside it; returns that
    file's path."""
    subset = {
        "version": model.get("version", "2.0"),
        "metadata": model["metadata"],
        "operations": dict(sorted(operations.items())),
        "shapes": dict(sorted(shapes.items())),
    }
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        # Top-level names sorted so re-runs diff cleanly; members keep the model's order, which is the
        # order AWS writes response elements in.
        json.dump(subset, f, indent=None, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    names = os.path.join(os.path.dirname(output), names_file)
    with open(names, "w", encoding="utf-8") as f:
        f.write("".join(name + "\n" for name in sorted(model["operations"])))
    return names
