# Build a 1,000,000-element list by appending in a loop, then sum it: method calls on a list and the sum builtin.
def main():
    n = 1000000
    items = []
    for i in range(n):
        items.append(i)
    return sum(items)


if __name__ == "__main__":
    print(main())
