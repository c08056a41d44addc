# Create 1,000,000 instances and read a field of each.
# Peer choice: a plain class with __slots__ and a keyword-called __init__ is the closest CPython
# equivalent of a Dana struct (fixed fields, keyword construction) without dataclass machinery;
# it does not validate field types, which a Dana struct does.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def main():
    n = 1000000
    total = 0
    for i in range(n):
        p = Point(x=i, y=2)
        total = total + p.x
    return total


if __name__ == "__main__":
    print(main())
