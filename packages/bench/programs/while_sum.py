# A 3,000,000-iteration while loop: the interpreter's loop, comparison and assignment costs.
def main():
    n = 3000000
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    return total


if __name__ == "__main__":
    print(main())
