"""Times a benchmark program inside CPython, so interpreter start-up is not counted.

    python3 harness.py run NAME REPEATS     import NAME.py, run main() once (its result is the
                                            output), then time main() REPEATS times
    python3 harness.py parse FILE REPEATS   run FILE once capturing what it prints (the output),
                                            then time compile(source) REPEATS times

Prints one JSON object: {"output": "<what the program prints>", "samplesMs": [...]}.
"""
import contextlib
import importlib.util
import io
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def time_calls(function, repeats):
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000.0)
    return samples


def run_program(name, repeats):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    output = str(module.main())
    return output, time_calls(module.main, repeats)


def parse_program(file_name, repeats):
    path = os.path.join(HERE, file_name)
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        exec(compile(source, path, "exec"), {"__name__": "__bench__"})
    return captured.getvalue().strip(), time_calls(lambda: compile(source, path, "exec"), repeats)


def main():
    mode, target, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "run":
        output, samples = run_program(target, repeats)
    elif mode == "parse":
        output, samples = parse_program(target, repeats)
    else:
        raise SystemExit("mode must be run or parse, got " + mode)
    print(json.dumps({"output": output, "samplesMs": samples}))


if __name__ == "__main__":
    main()
