"""Dates, times and durations with the API, reprs and errors of CPython's datetime module.

Calendar arithmetic works on proleptic Gregorian ordinals (day 1 = 0001-01-01). Durations are
kept as (days, seconds, microseconds) with 0 <= seconds < 86400 and 0 <= microseconds < 10**6.
Functions that need the clock or the local time zone use the time module.
"""

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR', 'MAXYEAR', 'UTC')

MINYEAR = 1
MAXYEAR = 9999
_MAX_ORDINAL = 3652059
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTH_NAMES = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_DAY_NAMES = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_DAYS_PER_400_YEARS = 146097
_DAYS_PER_100_YEARS = 36524
_DAYS_PER_4_YEARS = 1461


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd_to_ordinal(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ordinal_to_ymd(n):
    """(year, month, day) of a proleptic Gregorian ordinal."""
    n -= 1
    n400, n = divmod(n, _DAYS_PER_400_YEARS)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DAYS_PER_100_YEARS)
    n4, n = divmod(n, _DAYS_PER_4_YEARS)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        # the last day of a leap cycle (Dec 31 of the 4th or 400th year)
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _index(value):
    """An int argument, through __index__ like CPython's argument parsing."""
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return index(value)


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _type_label(obj):
    """The type name CPython's C types print: 'datetime.date' for the module's own classes."""
    cls = type(obj)
    if cls in (date, datetime, time, timedelta, timezone):
        return 'datetime.' + cls.__name__
    return cls.__name__


def _round_half_even(numerator, denominator):
    """numerator / denominator rounded to an int, halves to even (exact for ints)."""
    q, r = divmod(numerator, denominator)
    r2 = r * 2
    if r2 > denominator or (r2 == denominator and q % 2 == 1):
        q += 1
    return q


def _exact_ratio(x):
    """(numerator, denominator) of an int or float."""
    if isinstance(x, float):
        return x.as_integer_ratio()
    return _index(x), 1


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24), not %r." % (offset,))


def _format_offset(offset, sep=':'):
    """'+HH:MM' (with ':SS' and '.ffffff' when needed), or '' for None."""
    if offset is None:
        return ''
    if offset.days < 0:
        sign = '-'
        offset = -offset
    else:
        sign = '+'
    hours, rest = divmod(offset, timedelta(hours=1))
    minutes, rest = divmod(rest, timedelta(minutes=1))
    text = '%s%02d%s%02d' % (sign, hours, sep, minutes)
    if rest.seconds or rest.microseconds:
        text += '%s%02d' % (sep, rest.seconds)
        if rest.microseconds:
            text += '.%06d' % rest.microseconds
    return text


def _format_time(hour, minute, second, microsecond, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if microsecond else 'seconds'
    if timespec == 'hours':
        return '%02d' % hour
    if timespec == 'minutes':
        return '%02d:%02d' % (hour, minute)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hour, minute, second)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hour, minute, second, microsecond // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hour, minute, second, microsecond)
    raise ValueError('Unknown timespec value')


def _time_module():
    import time as time_module
    return time_module


def _wrap_strftime(obj, fmt, timetuple):
    """Expands %f, %z and %Z (which need the object), then hands the rest to time.strftime."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%' or i >= n:
            out.append(ch)
            continue
        code = fmt[i]
        i += 1
        if code == 'f':
            out.append('%06d' % getattr(obj, 'microsecond', 0))
        elif code == 'z':
            offset = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(offset, '') if offset is not None else '')
        elif code == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append(name.replace('%', '%%') if name else '')
        else:
            out.append('%' + code)
    return _time_module().strftime(''.join(out), timetuple)


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""
    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # Exact sum in microseconds: ints directly, floats through their exact ratio, one
        # half-even rounding at the end.
        num = 0
        den = 1
        for value, scale in ((days, 86400000000), (seconds, 1000000), (microseconds, 1),
                             (milliseconds, 1000), (minutes, 60000000), (hours, 3600000000),
                             (weeks, 604800000000)):
            if isinstance(value, int):
                num += value * scale * den
            elif isinstance(value, float):
                if value != value or value in (float('inf'), float('-inf')):
                    raise OverflowError('cannot convert float %s to integer' % ('NaN' if value != value else 'infinity'))
                n, d = value.as_integer_ratio()
                num = num * d + n * scale * den
                den *= d
            else:
                raise TypeError('unsupported type for timedelta %s component: %s'
                                % (_COMPONENT_NAMES[scale], type(value).__name__))
        total = num if den == 1 else _round_half_even(num, den)
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, total):
        seconds, us = divmod(total, 1000000)
        days, seconds = divmod(seconds, 86400)
        if not -999999999 <= days <= 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_microseconds() / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append('days=%d' % self._days)
        if self._seconds:
            parts.append('seconds=%d' % self._seconds)
        if self._microseconds:
            parts.append('microseconds=%d' % self._microseconds)
        if not parts:
            parts.append('0')
        return '%s(%s)' % (_type_label(self), ', '.join(parts))

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = '%d:%02d:%02d' % (hours, minutes, seconds)
        if self._days:
            text = '%d day%s, %s' % (self._days, '' if abs(self._days) == 1 else 's', text)
        if self._microseconds:
            text += '.%06d' % self._microseconds
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds() * n, d))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('division by zero')
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds(), other))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            if n == 0:
                raise ZeroDivisionError('division by zero')
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds() * d, n))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _key(self):
        return self._days, self._seconds, self._microseconds

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return self.__class__, self._key()


_COMPONENT_NAMES = {86400000000: 'days', 1000000: 'seconds', 1: 'microseconds', 1000: 'milliseconds',
                    60000000: 'minutes', 3600000000: 'hours', 604800000000: 'weeks'}

timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class _IsoCalendarDate(tuple):
    """The (year, week, weekday) named tuple of date.isocalendar()."""
    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % tuple(self)

    def __reduce__(self):
        return tuple, (tuple(self),)


_IsoCalendarDate.__name__ = 'IsoCalendarDate'


def _iso_week1_monday(year):
    first = _ymd_to_ordinal(year, 1, 1)
    first_weekday = (first + 6) % 7
    monday = first - first_weekday
    if first_weekday > 3:
        monday += 7
    return monday


def _parse_iso_date(s):
    """(year, month, day) of YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D] or YYYYWww[D]; ValueError otherwise."""
    n = len(s)
    if n < 7 or not s[0:4].isdigit() or not s.isascii():
        raise ValueError
    year = int(s[0:4])
    extended = s[4] == '-'
    i = 5 if extended else 4
    if s[i] == 'W':
        i += 1
        week_text = s[i:i + 2]
        if len(week_text) != 2 or not week_text.isdigit():
            raise ValueError
        week = int(week_text)
        i += 2
        weekday = 1
        if i < n:
            if extended:
                if s[i] != '-':
                    raise ValueError
                i += 1
            if i + 1 != n or not s[i].isdigit():
                raise ValueError
            weekday = int(s[i])
        if i < n and i + 1 != n:
            raise ValueError
        return _iso_to_ymd(year, week, weekday)
    if extended:
        if n != 10 or s[7] != '-' or not s[5:7].isdigit() or not s[8:10].isdigit():
            raise ValueError
        return year, int(s[5:7]), int(s[8:10])
    if n != 8 or not s[4:8].isdigit():
        raise ValueError
    return year, int(s[4:6]), int(s[6:8])


def _iso_to_ymd(year, week, weekday):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('Year is out of range: %d' % year)
    if not 0 < week < 53:
        long_year = False
        if week == 53:
            first_weekday = _ymd_to_ordinal(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                long_year = True
        if not long_year:
            raise ValueError('Invalid week: %d' % week)
    if not 0 < weekday < 8:
        raise ValueError('Invalid weekday: %d (range is [1, 7])' % weekday)
    return _ordinal_to_ymd(_iso_week1_monday(year) + (week - 1) * 7 + weekday - 1)


def _parse_iso_time(s):
    """(hour, minute, second, microsecond, tzinfo) of an ISO 8601 time with optional offset."""
    tz = None
    for i, ch in enumerate(s):
        if ch in '+-Z':
            tz = _parse_iso_offset(s[i:])
            s = s[:i]
            break
    if not s or not s.isascii():
        raise ValueError
    fraction = ''
    for sep in '.,':
        if sep in s:
            s, fraction = s.split(sep, 1)
            if not fraction.isdigit():
                raise ValueError
            break
    if ':' in s:
        parts = s.split(':')
        if any(len(p) != 2 for p in parts):
            raise ValueError
    else:
        if len(s) % 2:
            raise ValueError
        parts = [s[i:i + 2] for i in range(0, len(s), 2)]
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError
    if fraction and len(parts) != 3:
        raise ValueError
    fields = [int(p) for p in parts] + [0] * (3 - len(parts))
    microsecond = int((fraction + '000000')[:6]) if fraction else 0
    return fields[0], fields[1], fields[2], microsecond, tz


def _parse_iso_offset(s):
    if s == 'Z':
        return timezone.utc
    sign = -1 if s[0] == '-' else 1
    h, m, sec, us, tz = _parse_iso_time(s[1:])
    if tz is not None:
        raise ValueError
    offset = timedelta(hours=h, minutes=m, seconds=sec, microseconds=us)
    if not offset:
        return timezone.utc
    return timezone(sign * offset)


class date:
    """A calendar date (year, month, day) in the proleptic Gregorian calendar."""
    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, weekday, jday, dst = _time_module().localtime(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time_module().time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError('ordinal must be >= 1')
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(date_string) not in (7, 8, 10):
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        try:
            return cls(*_parse_iso_date(date_string))
        except ValueError:
            raise ValueError('Invalid isoformat string: %r' % (date_string,)) from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_iso_to_ymd(year, week, day))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_type_label(self), self._year, self._month, self._day)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAY_NAMES[weekday - 1], _MONTH_NAMES[self._month - 1],
                                            self._day, self._year)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        return _time_module().struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                           _days_before_month(self._year, self._month) + self._day, -1))

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        monday = _iso_week1_monday(year)
        today = self.toordinal()
        week, day = divmod(today - monday, 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _iso_week1_monday(year), 7)
        elif week >= 52 and today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def _date_key(self):
        return self._year, self._month, self._day

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return NotImplemented
        if isinstance(other, date):
            return self._date_key() == other._date_key()
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        if self._comparable(other):
            return self._date_key() < other._date_key()
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._date_key() <= other._date_key()
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._date_key() > other._date_key()
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._date_key() >= other._date_key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._date_key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAX_ORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError('date value out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return self.__class__, (self._year, self._month, self._day)


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class tzinfo:
    """Abstract base of time zone information: subclasses define utcoffset, dst and tzname."""
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('dt.tzinfo is not self')
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        delta = offset - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot convert')
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, '__getinitargs__', None)
        args = getinitargs() if getinitargs else ()
        return self.__class__, args, getattr(self, '__dict__', None) or None


class time:
    """A time of day (hour, minute, second, microsecond) with an optional tzinfo."""
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_hashcode', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        text = time_string[1:] if time_string.startswith('T') else time_string
        try:
            h, m, s, us, tz = _parse_iso_time(text)
            return cls(h, m, s, us, tz)
        except ValueError:
            raise ValueError('Invalid isoformat string: %r' % (time_string,)) from None

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset('utcoffset', offset)
        return offset

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset('dst', offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % type(name).__name__)
        return name

    def __repr__(self):
        if self._microsecond:
            text = '%d, %d, %d, %d' % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            text = '%d, %d, %d' % (self._hour, self._minute, self._second)
        else:
            text = '%d, %d' % (self._hour, self._minute)
        if self._tzinfo is not None:
            text += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            text += ', fold=1'
        return '%s(%s)' % (_type_label(self), text)

    def isoformat(self, timespec='auto'):
        return _format_time(self._hour, self._minute, self._second, self._microsecond, timespec) \
            + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, _time_module().struct_time(
            (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)))

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _compare(self, other, allow_mixed):
        """-1/0/1, or None when naive meets aware and allow_mixed (== then is False)."""
        my_offset = self.utcoffset()
        other_offset = other.utcoffset()
        if (my_offset is None) != (other_offset is None):
            if allow_mixed:
                return None
            raise TypeError("can't compare offset-naive and offset-aware times")
        mine = (self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond
        theirs = (other._hour * 3600 + other._minute * 60 + other._second) * 1000000 + other._microsecond
        if my_offset is not None and self._tzinfo is not other._tzinfo:
            mine -= my_offset._to_microseconds()
            theirs -= other_offset._to_microseconds()
        return (mine > theirs) - (mine < theirs)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            if not offset:
                self._hashcode = hash((self._hour, self._minute, self._second, self._microsecond))
            else:
                us = (self._hour * 3600 + self._minute * 60 + self._second) * 1000000 \
                    + self._microsecond - offset._to_microseconds()
                self._hashcode = hash(us)
        return self._hashcode

    def __bool__(self):
        return True

    def __reduce__(self):
        args = (self._hour, self._minute, self._second, self._microsecond, self._tzinfo)
        return self.__class__, args


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date and a time of day, with an optional tzinfo."""
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        if isinstance(t, float):
            if t != t or t in (float('inf'), float('-inf')):
                raise ValueError('cannot convert float %s to integer' % ('NaN' if t != t else 'infinity'))
            n, d = t.as_integer_ratio()
            total_us = _round_half_even(n * 1000000, d)
        else:
            total_us = _index(t) * 1000000
        seconds, us = divmod(total_us, 1000000)
        if utc:
            days, rest = divmod(seconds, 86400)
            hh, rest = divmod(rest, 3600)
            mm, ss = divmod(rest, 60)
            ordinal = days + _ymd_to_ordinal(1970, 1, 1)
            if not 1 <= ordinal <= _MAX_ORDINAL:
                raise ValueError('year %d is out of range' % (1 if ordinal < 1 else 10000))
            y, m, d = _ordinal_to_ymd(ordinal)
        else:
            y, m, d, hh, mm, ss, weekday, jday, dst = _time_module().localtime(seconds)
        ss = min(ss, 59)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_timestamp(t, False, None)
        return tz.fromutc(cls._from_timestamp(t, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time_module().time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time_module().time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time_module().time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, globals()['date']):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % type(date).__name__)
        if not isinstance(time, globals()['time']):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            date_length = _iso_date_length(date_string)
            y, m, d = _parse_iso_date(date_string[:date_length])
            if date_length < len(date_string):
                h, mi, s, us, tz = _parse_iso_time(date_string[date_length + 1:])
            else:
                h = mi = s = us = 0
                tz = None
            return cls(y, m, d, h, mi, s, us, tz)
        except ValueError:
            raise ValueError('Invalid isoformat string: %r' % (date_string,)) from None

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime_datetime(cls, date_string, format)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else int(bool(dst))
        return _time_module().struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                           self._second, self.weekday(),
                                           _days_before_month(self._year, self._month) + self._day, flag))

    def utctimetuple(self):
        offset = self.utcoffset()
        moment = self - offset if offset else self
        return _time_module().struct_time((moment._year, moment._month, moment._day, moment._hour,
                                           moment._minute, moment._second, moment.weekday(),
                                           _days_before_month(moment._year, moment._month) + moment._day, 0))

    def timestamp(self):
        if self._tzinfo is None:
            local = _time_module().mktime((self._year, self._month, self._day, self._hour, self._minute,
                                           self._second, -1, -1, -1))
            return local + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = _local_timezone(self)
        elif not isinstance(tz, tzinfo):
            raise TypeError('tz argument must be an instance of tzinfo')
        offset = self.utcoffset()
        if offset is None:
            offset = _local_timezone(self).utcoffset(self)
        if self._tzinfo is tz:
            return self
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset('utcoffset', offset)
        return offset

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset('dst', offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % type(name).__name__)
        return name

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAY_NAMES[weekday - 1], _MONTH_NAMES[self._month - 1],
                                                  self._day, self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        return '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep) \
            + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec) \
            + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if fields[6] == 0:
            del fields[6]
            if fields[5] == 0:
                del fields[5]
        text = '%s(%s' % (_type_label(self), ', '.join(map(str, fields)))
        if self._tzinfo is not None:
            text += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            text += ', fold=1'
        return text + ')'

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def _naive_microseconds(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def _compare(self, other, allow_mixed):
        my_offset = self.utcoffset()
        other_offset = other.utcoffset()
        if (my_offset is None) != (other_offset is None):
            if allow_mixed:
                return None
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        mine = self._naive_microseconds()
        theirs = other._naive_microseconds()
        if my_offset is not None and self._tzinfo is not other._tzinfo:
            mine -= my_offset._to_microseconds()
            theirs -= other_offset._to_microseconds()
        return (mine > theirs) - (mine < theirs)

    def _check_other(self, other):
        if isinstance(other, datetime):
            return True
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s" % (_type_label(self), _type_label(other)))
        return False

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) != 0
        if isinstance(other, date):
            return True
        return NotImplemented

    def __lt__(self, other):
        if self._check_other(other):
            return self._compare(other, False) < 0
        return NotImplemented

    def __le__(self, other):
        if self._check_other(other):
            return self._compare(other, False) <= 0
        return NotImplemented

    def __gt__(self, other):
        if self._check_other(other):
            return self._compare(other, False) > 0
        return NotImplemented

    def __ge__(self, other):
        if self._check_other(other):
            return self._compare(other, False) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            if offset is None:
                self._hashcode = hash((self._year, self._month, self._day, self._hour, self._minute,
                                       self._second, self._microsecond))
            else:
                self._hashcode = hash(self._naive_microseconds() - offset._to_microseconds())
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._naive_microseconds() + other._to_microseconds()
        seconds, us = divmod(total, 1000000)
        days, seconds = divmod(seconds, 86400)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        hh, rest = divmod(seconds, 3600)
        mm, ss = divmod(rest, 60)
        y, m, d = _ordinal_to_ymd(days)
        return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        mine = self._naive_microseconds()
        theirs = other._naive_microseconds()
        my_offset = self.utcoffset()
        other_offset = other.utcoffset()
        if self._tzinfo is not other._tzinfo:
            if (my_offset is None) != (other_offset is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if my_offset is not None:
                mine -= my_offset._to_microseconds()
                theirs -= other_offset._to_microseconds()
        return timedelta._from_microseconds(mine - theirs)

    def __reduce__(self):
        return self.__class__, (self._year, self._month, self._day, self._hour, self._minute, self._second,
                                self._microsecond, self._tzinfo)


def _iso_date_length(s):
    """Length of the date part of an ISO datetime string (the separator follows it)."""
    if len(s) >= 8 and s[4] == '-':
        return 8 if s[5] == 'W' and (len(s) == 8 or s[8] != '-') else 10
    if len(s) >= 5 and s[4] == 'W':
        return 8 if len(s) > 7 and s[7].isdigit() else 7
    return 8


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""
    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % (offset,))
        if name is None and not offset and _UTC is not None:
            return _UTC
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return 'datetime.timezone.utc'
        if self._name is None:
            return '%s(%r)' % (_type_label(self), self._offset)
        return '%s(%r, %r)' % (_type_label(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def _check_dt(self, dt, method):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                            % (method, type(dt).__name__))

    def utcoffset(self, dt):
        self._check_dt(dt, 'utcoffset')
        return self._offset

    def tzname(self, dt):
        self._check_dt(dt, 'tzname')
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def dst(self, dt):
        self._check_dt(dt, 'dst')
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() argument must be a datetime instance or None, not %s' % type(dt).__name__)
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset

    def __reduce__(self):
        return self.__class__, self.__getinitargs__()


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = UTC = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)


def _local_timezone(dt):
    """The local zone at dt (naive = local wall time) as a fixed-offset timezone with its name."""
    time_module = _time_module()
    if dt.tzinfo is None:
        seconds = time_module.mktime((dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, -1, -1, -1))
    else:
        seconds = (dt - _EPOCH) // timedelta(seconds=1)
    local = time_module.localtime(seconds)
    return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)


# --- strptime ------------------------------------------------------------------------------
_FULL_MONTHS = ('january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
                'october', 'november', 'december')
_FULL_DAYS = ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')
_STRPTIME_PATTERNS = {
    'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'f': r'(?P<f>[0-9]{1,6})',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
    'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
    'M': r'(?P<M>[0-5]\d|\d)',
    'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'w': r'(?P<w>[0-6])',
    'u': r'(?P<u>[1-7])',
    'y': r'(?P<y>\d\d)',
    'Y': r'(?P<Y>\d\d\d\d)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))',
    'b': r'(?P<b>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
    'B': r'(?P<B>january|february|march|april|may|june|july|august|september|october|november|december)',
    'a': r'(?P<a>mon|tue|wed|thu|fri|sat|sun)',
    'A': r'(?P<A>monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
    'p': r'(?P<p>am|pm)',
    'Z': r'(?P<Z>utc|gmt|[a-z]{3,5})',
    '%': '%',
}
_STRPTIME_ALIASES = {'T': '%H:%M:%S', 'R': '%H:%M', 'D': '%m/%d/%y', 'F': '%Y-%m-%d', 'e': '%d'}


def _strptime_regex(format):
    import re
    parts = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch == '%' and i + 1 < n:
            code = format[i + 1]
            i += 2
            if code in _STRPTIME_ALIASES:
                parts.append(_strptime_regex(_STRPTIME_ALIASES[code]).pattern)
                continue
            pattern = _STRPTIME_PATTERNS.get(code)
            if pattern is None:
                raise ValueError("'%s' is a bad directive in format '%s'" % (code, format))
            parts.append(pattern)
            continue
        if ch == '%':
            raise ValueError("stray %% in format '%s'" % format)
        i += 1
        if ch.isspace():
            parts.append(r'\s+')
        else:
            parts.append(re.escape(ch))
    return re.compile(''.join(parts), re.IGNORECASE)


def _strptime_datetime(cls, data_string, format):
    """cls parsed from data_string by format (the directives of CPython's strptime)."""
    if not isinstance(data_string, str):
        raise TypeError('strptime() argument 1 must be str, not %s' % type(data_string).__name__)
    if not isinstance(format, str):
        raise TypeError('strptime() argument 2 must be str, not %s' % type(format).__name__)
    found = _strptime_regex(format).match(data_string)
    if found is None:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError('unconverted data remains: %s' % data_string[found.end():])
    values = found.groupdict()
    year = 1900
    month = day = 1
    hour = minute = second = microsecond = 0
    tz = None
    julian = None
    weekday = None
    if values.get('Y') is not None:
        year = int(values['Y'])
    elif values.get('y') is not None:
        year = int(values['y'])
        year += 2000 if year <= 68 else 1900
    if values.get('m') is not None:
        month = int(values['m'])
    elif values.get('B') is not None:
        month = _FULL_MONTHS.index(values['B'].lower()) + 1
    elif values.get('b') is not None:
        month = [m[:3] for m in _FULL_MONTHS].index(values['b'].lower()) + 1
    if values.get('d') is not None:
        day = int(values['d'])
    if values.get('H') is not None:
        hour = int(values['H'])
    elif values.get('I') is not None:
        hour = int(values['I'])
        ampm = (values.get('p') or '').lower()
        if ampm == 'am' and hour == 12:
            hour = 0
        elif ampm == 'pm' and hour != 12:
            hour += 12
    if values.get('M') is not None:
        minute = int(values['M'])
    if values.get('S') is not None:
        second = int(values['S'])
    if values.get('f') is not None:
        microsecond = int(values['f'] + '0' * (6 - len(values['f'])))
    if values.get('j') is not None:
        julian = int(values['j'])
    if values.get('A') is not None:
        weekday = _FULL_DAYS.index(values['A'].lower())
    elif values.get('a') is not None:
        weekday = [d[:3] for d in _FULL_DAYS].index(values['a'].lower())
    if values.get('z') is not None:
        z = values['z']
        if z in ('Z', 'z'):
            tz = timezone.utc
        else:
            sign = -1 if z[0] == '-' else 1
            digits = z[1:].replace(':', '')
            hours = int(digits[0:2])
            minutes = int(digits[2:4])
            seconds = int(digits[4:6] or 0)
            fraction = digits[7:] if len(digits) > 6 else ''
            us = int(fraction + '0' * (6 - len(fraction))) if fraction else 0
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes, seconds=seconds, microseconds=us))
    if julian is not None and values.get('m') is None and values.get('d') is None:
        year, month, day = _ordinal_to_ymd(_ymd_to_ordinal(year, 1, 1) + julian - 1)
    if second == 61:
        second = 59
    if cls is date:
        return date(year, month, day)
    if cls is time:
        return time(hour, minute, second, microsecond, tz)
    return cls(year, month, day, hour, minute, second, microsecond, tz)
