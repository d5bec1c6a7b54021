"""Fast, deterministic draws from a Random's .random (much cheaper than Random.choice & co.)."""


def pick(rnd, seq):
    return seq[int(rnd() * len(seq))]


def shuffle(rnd, x: list) -> None:
    for i in range(len(x) - 1, 0, -1):
        j = int(rnd() * (i + 1))
        x[i], x[j] = x[j], x[i]


def sample(rnd, seq, k: int) -> list:
    pool = list(seq)
    n = len(pool)
    for i in range(k):
        j = i + int(rnd() * (n - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]
