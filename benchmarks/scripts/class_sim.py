# Class-heavy simulation: inherited accounts, properties, class/static methods, dunders, sets.
import time


class Account:
    opened = 0

    def __init__(self, owner, balance):
        self.owner = owner
        self._balance = balance
        Account.opened += 1

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        self._balance += amount

    def withdraw(self, amount):
        if amount > self._balance:
            return False
        self._balance -= amount
        return True

    def month_end(self):
        pass
    @classmethod
    def count(cls):
        return cls.opened

    @staticmethod
    def fee(amount):
        return amount // 100 + 1

    def __eq__(self, other):
        return isinstance(other, Account) and self.owner == other.owner

    def __hash__(self):
        return hash(self.owner)

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance})"


class Savings(Account):
    def month_end(self):
        self._balance += self._balance // 200


class Checking(Account):
    def withdraw(self, amount):
        return super().withdraw(amount + Account.fee(amount))


def run(accounts, months):
    bank = {}
    for i in range(accounts):
        kind = Savings if i % 3 == 0 else Checking
        bank["c" + str(i)] = kind("c" + str(i), 1000 + i)
    refused = 0
    for month in range(months):
        for i, account in enumerate(bank.values()):
            account.deposit((i * 7 + month) % 50)
            refused += not account.withdraw((i * 13 + month * 5) % 120)
            account.month_end()
    richest = max(bank.values(), key=lambda a: (a.balance, a.owner))
    savers = {a for a in bank.values() if isinstance(a, Savings)}
    return refused, richest, len(savers), sum(a.balance for a in bank.values())


run(50, 3)
start = time.perf_counter()
refused, richest, savers, total = run(3000, 400)
elapsed = time.perf_counter() - start
print("refused:", refused, "savers:", savers, "total:", total)
print("richest:", richest)
print("accounts opened:", Account.count())
print(f"@time {elapsed:.6f}")
