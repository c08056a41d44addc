# 100,000 string concatenations of the form s = s + "x", then len: string building and the len builtin.
# CPython resizes the string in place when nothing else references it; that is the honest peer figure.
def main():
    n = 100000
    s = ""
    for i in range(n):
        s = s + "x"
    return len(s)


if __name__ == "__main__":
    print(main())
