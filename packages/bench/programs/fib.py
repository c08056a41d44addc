# Recursive Fibonacci: function-call overhead, integer arithmetic and comparisons.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    return fib(27)


if __name__ == "__main__":
    print(main())
