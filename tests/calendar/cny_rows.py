#!/usr/bin/python3
"""Prints the dated Chinese New Year rows of inputs/default/calendar.csv for 2025-2060.

The first day of the first lunar month comes from python3-lunardate (its tables follow the
Hong Kong Observatory's conversion tables); every date is checked against an astronomical
computation with python3-ephem (the second new moon after the winter solstice, in China
Standard Time, UTC+8), which gives the same day in every year but 2034: 2033 has a leap
eleventh month (the "2033 problem"), so New Year 2034 falls a lunation later, on 2034-02-19,
as the lunar tables say. Usage: tests/calendar/cny_rows.py > rows (then paste them in place).
"""
import datetime
import sys

import ephem
from lunardate import LunarDate

FIRST, LAST = 2025, 2060
LEAP_11 = {2034}  # New Year one lunation after the simple rule


def astronomical(y):
    ws = ephem.next_solstice(ephem.Date(datetime.date(y - 1, 12, 1)))
    nm = ephem.next_new_moon(ephem.next_new_moon(ws))
    if y in LEAP_11:
        nm = ephem.next_new_moon(nm)
    return ephem.Date(nm + 8 * ephem.hour).datetime().date()


day = datetime.timedelta(days=1)
for y in range(FIRST, LAST + 1):
    ny = LunarDate(y, 1, 1).toSolarDate()
    if ny != astronomical(y):
        sys.exit(f"{y}: lunar tables say {ny}, the new moons say {astronomical(y)}")
    if y == 2027:
        print(f'cny_pre_{y},{ny - 14 * day},{ny - day},4,"FIGURES.md +300 % before holidays; '
              f'Chinese New Year {ny}, two weeks before: assumption"')
        print(f'cny_{y},{ny},{ny + 6 * day},0.5,"Chinese New Year week: traffic halves '
              f'(assumption)"')
    else:
        print(f'cny_pre_{y},{ny - 14 * day},{ny - day},4,"as cny_pre_2027; Chinese New Year {ny}"')
        print(f'cny_{y},{ny},{ny + 6 * day},0.5,"as cny_2027"')
