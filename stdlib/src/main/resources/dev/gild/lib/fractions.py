"""Rational numbers: Fraction, exact arithmetic on int numerator and positive int denominator."""

import math

__all__ = ["Fraction"]

# Parameters of CPython's numeric hash (sys.hash_info on 64-bit builds).
_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159


def _parse(text):
    """(numerator, denominator) of a fraction written as "[sign]int[/int]" or a decimal literal."""
    s = text.strip()
    if not s:
        return None
    sign = 1
    if s[0] in "+-":
        if s[0] == "-":
            sign = -1
        s = s[1:]
    if "/" in s:
        num, _, den = s.partition("/")
        num = num.replace("_", "") if _digits(num) else None
        den = den.strip()
        if num is None or not _digits(den) or den != den.strip():
            return None
        return sign * int(num), int(den.replace("_", ""))
    mantissa, exp = s, 0
    for marker in "eE":
        if marker in s:
            mantissa, _, exp_text = s.partition(marker)
            body = exp_text[1:] if exp_text[:1] in "+-" else exp_text
            if not _digits(body):
                return None
            exp = int(exp_text.replace("_", ""))
            break
    whole, dot, frac = mantissa.partition(".")
    if not (whole or frac) or (whole and not _digits(whole)) or (frac and not _digits(frac)):
        return None
    if dot and not whole and not frac:
        return None
    digits = (whole + frac).replace("_", "") or "0"
    num = int(digits)
    den = 10 ** len(frac.replace("_", ""))
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


def _digits(s):
    if not s or s[0] == "_" or s[-1] == "_" or "__" in s:
        return False
    return all(c in "0123456789_" for c in s)


class Fraction:
    """A rational number: Fraction(3, 4), Fraction("3/4"), Fraction(0.75), Fraction(other)."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            elif hasattr(numerator, "numerator") and hasattr(numerator, "denominator"):
                numerator, denominator = numerator.numerator, numerator.denominator
            elif hasattr(numerator, "as_integer_ratio"):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                n1, d1 = Fraction(numerator)._pair()
                n2, d2 = Fraction(denominator)._pair()
                numerator, denominator = n1 * d2, d1 * n2
            else:
                numerator, denominator = int(numerator), int(denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    def _pair(self):
        return self._numerator, self._denominator

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most max_denominator (continued fractions)."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # The last convergent or the best semiconvergent; on a tie the one with the smaller denominator.
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # -------------------------------------------------------------- arithmetic

    @staticmethod
    def _coerce(other):
        """other as (numerator, denominator), a float, or None when unsupported."""
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def _binary(self, other, op, float_op, reflected):
        pair = Fraction._coerce(other)
        if pair is not None:
            if reflected:
                return op(pair[0], pair[1], self._numerator, self._denominator)
            return op(self._numerator, self._denominator, pair[0], pair[1])
        if isinstance(other, float):
            return float_op(other, float(self)) if reflected else float_op(float(self), other)
        if isinstance(other, complex):
            return float_op(other, complex(float(self))) if reflected else float_op(complex(float(self)), other)
        return NotImplemented

    @staticmethod
    def _add(na, da, nb, db):
        return Fraction(na * db + nb * da, da * db)

    @staticmethod
    def _sub(na, da, nb, db):
        return Fraction(na * db - nb * da, da * db)

    @staticmethod
    def _mul(na, da, nb, db):
        return Fraction(na * nb, da * db)

    @staticmethod
    def _div(na, da, nb, db):
        if nb == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % (na * db))
        return Fraction(na * db, da * nb)

    @staticmethod
    def _floordiv(na, da, nb, db):
        return (na * db) // (da * nb)

    @staticmethod
    def _mod(na, da, nb, db):
        return Fraction((na * db) % (nb * da), da * db)

    @staticmethod
    def _divmod(na, da, nb, db):
        q, r = divmod(na * db, da * nb)
        return q, Fraction(r, da * db)

    def __add__(self, other):
        return self._binary(other, Fraction._add, lambda a, b: a + b, False)

    def __radd__(self, other):
        return self._binary(other, Fraction._add, lambda a, b: a + b, True)

    def __sub__(self, other):
        return self._binary(other, Fraction._sub, lambda a, b: a - b, False)

    def __rsub__(self, other):
        return self._binary(other, Fraction._sub, lambda a, b: a - b, True)

    def __mul__(self, other):
        return self._binary(other, Fraction._mul, lambda a, b: a * b, False)

    def __rmul__(self, other):
        return self._binary(other, Fraction._mul, lambda a, b: a * b, True)

    def __truediv__(self, other):
        return self._binary(other, Fraction._div, lambda a, b: a / b, False)

    def __rtruediv__(self, other):
        return self._binary(other, Fraction._div, lambda a, b: a / b, True)

    def __floordiv__(self, other):
        return self._binary(other, Fraction._floordiv, lambda a, b: a // b, False)

    def __rfloordiv__(self, other):
        return self._binary(other, Fraction._floordiv, lambda a, b: a // b, True)

    def __mod__(self, other):
        return self._binary(other, Fraction._mod, lambda a, b: a % b, False)

    def __rmod__(self, other):
        return self._binary(other, Fraction._mod, lambda a, b: a % b, True)

    def __divmod__(self, other):
        return self._binary(other, Fraction._divmod, divmod, False)

    def __rdivmod__(self, other):
        return self._binary(other, Fraction._divmod, divmod, True)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            power = int(other._numerator if isinstance(other, Fraction) else other)
            if power >= 0:
                return Fraction(self._numerator ** power, self._denominator ** power, _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -power))
            if self._numerator > 0:
                return Fraction(self._denominator ** -power, self._numerator ** -power, _normalize=False)
            return Fraction((-self._denominator) ** -power, (-self._numerator) ** -power, _normalize=False)
        if isinstance(other, (float, complex, Fraction)):
            return float(self) ** (float(other) if isinstance(other, Fraction) else other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, Fraction) or isinstance(other, int):
            return Fraction(other) ** self
        if isinstance(other, (float, complex)):
            return other ** float(self)
        return NotImplemented

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'Fraction' object cannot be interpreted as an integer")

    def __float__(self):
        return self._numerator / self._denominator

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            result = _HASH_INF
        else:
            result = hash(hash(abs(self._numerator)) * inverse)
        result = result if self._numerator >= 0 else -result
        return -2 if result == -1 else result

    # -------------------------------------------------------------- comparisons

    def __eq__(self, other):
        if type(other) is int:
            return self._numerator == other and self._denominator == 1
        if isinstance(other, Fraction) or isinstance(other, int):
            return self._numerator == other.numerator and self._denominator == other.denominator
        if isinstance(other, complex) and other.imag == 0:
            other = other.real
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return 0.0 == other
            return self == Fraction(other)
        return NotImplemented

    def _compare(self, other, op):
        pair = Fraction._coerce(other)
        if pair is not None:
            return op(self._numerator * pair[1], self._denominator * pair[0])
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return self._compare(Fraction(other), op)
        return NotImplemented

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __bool__(self):
        return self._numerator != 0

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
