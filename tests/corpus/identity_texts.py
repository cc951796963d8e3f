"""Twelve short articles written for the identity tests (issue 15, item 1): six people named in
different forms across them, two people sharing a surname (Boris Johnson, the British prime
minister; Woody Johnson, the US ambassador), and two articles of different years with the same
title. ``PEOPLE`` says which real person each form names."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "a01.txt": """Mueller report goes to Congress

WASHINGTON, March 22, 2019 — Special Counsel Robert Mueller delivered his report to Attorney General William Barr on Friday. Barr told Congress that he would share the main findings soon.
""",
    "a02.txt": """Barr summarises the report

WASHINGTON, March 25, 2019 — Bill Barr sent a four-page letter to Congress on Sunday. Democrats said Barr had misread the findings of Robert S. Mueller III.
""",
    "a03.txt": """Pelosi demands the full text

WASHINGTON, April 2, 2019 — Speaker Nancy Pelosi criticised William P. Barr on Tuesday. Pelosi said that Congress must see everything Bob Mueller found.
""",
    "a04.txt": """Brexit talks resume

LONDON, April 3, 2019 — Prime Minister Theresa May met Jeremy Corbyn on Wednesday. Mrs May said the talks with Corbyn were constructive.
""",
    "a05.txt": """Brexit talks resume

LONDON, February 3, 2020 — Boris Johnson told the European Union that Britain would not extend the transition. Johnson said the talks would be tough.
""",
    "a06.txt": """Ambassador praises trade deal

LONDON, July 10, 2019 — The US ambassador Woody Johnson praised the prospect of a trade deal with Britain. Johnson said American farmers were ready.
""",
    "a07.txt": """Corbyn attacks the government

LONDON, May 8, 2019 — Jeremy Corbyn accused Theresa May of failing the country. Corbyn said that Labour would vote against the deal.
""",
    "a08.txt": """Mueller testifies

WASHINGTON, July 24, 2019 — Robert Mueller testified before Congress on Wednesday. Mueller said his report did not exonerate the president.
""",
    "a09.txt": """Barr defends his summary

WASHINGTON, May 1, 2019 — Attorney General Bill Barr defended his summary before the Senate. Nancy Pelosi accused Barr of lying to Congress.
""",
    "a10.txt": """Johnson wins the leadership

LONDON, July 23, 2019 — Boris Johnson won the Conservative leadership on Tuesday and will succeed Theresa May. Johnson promised to deliver Brexit.
""",
    "a11.txt": """Johnson meets farmers

DES MOINES, August 5, 2019 — Johnson, the ambassador, met farmers in Iowa on Monday and said the trade talks were going well.
""",
    "a12.txt": """Pelosi and Corbyn meet

LONDON, April 16, 2019 — Nancy Pelosi met Jeremy Corbyn in London on Tuesday. Pelosi said Congress would block any trade deal that hurt the peace process.
""",
}

# real person -> the forms that name them (checked against each article's actors)
PEOPLE: dict[str, tuple[str, ...]] = {
    "Robert Mueller": ("Robert Mueller", "Robert S. Mueller III", "Bob Mueller", "Mueller"),
    "William Barr": ("William Barr", "Bill Barr", "William P. Barr", "Barr"),
    "Nancy Pelosi": ("Nancy Pelosi", "Pelosi"),
    "Theresa May": ("Theresa May", "May"),
    "Jeremy Corbyn": ("Jeremy Corbyn", "Corbyn"),
    "Boris Johnson": ("Boris Johnson",),
    "Woody Johnson": ("Woody Johnson",),
}
