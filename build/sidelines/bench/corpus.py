"""A deterministic synthetic corpus in the supported input styles, for benchmarks.

Channel dumps carry Russian meeting posts with their forwarded English twins, embassy
comments, multilateral posts and video captions; news articles come one per file (some
pasted twice); a share of the channels comes as Telegram Desktop JSON exports.
"""

from __future__ import annotations

import gettext
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pycountry

from sidelines.extract.sessions import general_debate_opening

POSTS_PER_FILE = 20_000
ARTICLE_SHARE = 0.001  # one post in a thousand is a news article in its own file
JSON_FILE_SHARE = 0.1  # one channel file in ten is a JSON export

RU_MONTHS_GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORGS = [("CICA", "СВМДА"), ("SCO", "ШОС"), ("BRICS", "БРИКС"), ("CSTO", "ОДКБ")]
FILLER_RU = (
    "Стороны обменялись мнениями по актуальным вопросам двусторонних отношений, "
    "региональной и международной повестки дня."
)
FILLER_EN = (
    "The sides exchanged views on topical issues of bilateral relations and the "
    "regional and international agenda."
)
COMMENT_RU = (
    "📌 Обратили внимание на очередное заявление. Призываем коллег к "
    "конструктивному диалогу и соблюдению международного права."
)
COMMENT_EN = (
    "📌 We have noted yet another statement. We urge our colleagues to engage in "
    "constructive dialogue and respect international law."
)


@dataclass(frozen=True)
class Partner:
    """A country the generated posts meet: its flag, names and hashtag forms."""

    flag: str
    name_en: str
    name_ru: str


def partners() -> list[Partner]:
    """Every country with a short English name and a Russian translation, in code order."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    found = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name_ru = ru.gettext(c.name)
        if c.alpha_2 == "RU" or "," in c.name or name_ru == c.name or "\n" in name_ru:
            continue
        flag = "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in c.alpha_2)
        found.append(Partner(flag, c.name, name_ru))
    return found


def _tag(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in name.replace("-", " ").split() if w.isalpha())


class Corpus:
    """Post texts drawn from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.partners = partners()

    def meeting_day(self) -> tuple[int, date]:
        session = self.rng.randint(74, 80)
        return session, general_debate_opening(session) + timedelta(days=self.rng.randint(-1, 5))

    def bilateral_pair(self) -> list[tuple[str | None, str]]:
        p = self.rng.choice(self.partners)
        session, day = self.meeting_day()
        ru_date = f"{day.day} {RU_MONTHS_GENITIVE[day.month - 1]}"
        ru = (
            f"🇷🇺{p.flag} {ru_date} С.В.Лавров провёл «на полях» {session}-й сессии "
            f"Генеральной Ассамблеи ООН встречу с Министром иностранных дел "
            f"{p.name_ru}.\n\n{FILLER_RU} {self.detail_ru()}\n\n"
            f"#Россия{_tag(p.name_ru)} #ГАООН{session}"
        )
        en = (
            f"🇷🇺{p.flag} On {EN_MONTHS[day.month - 1]} {day.day}, Foreign Minister Sergey "
            f"Lavrov held a meeting with Minister of Foreign Affairs of {p.name_en} on the "
            f"sidelines of the {session}th session of the UN General Assembly.\n\n{FILLER_EN} "
            f"{self.detail_en()}"
            f"\n\n#Russia{_tag(p.name_en)} #UNGA{session}"
        )
        return [(None, ru), ("Russian MFA 🇷🇺", en)]

    def video(self) -> int:
        return self.rng.randint(1, 10**9)

    def detail_ru(self) -> str:
        return (
            f"Обсуждены {self.rng.randint(2, 99)} проектов на сумму "
            f"{self.rng.randint(1, 10**6)} тыс. рублей."
        )

    def detail_en(self) -> str:
        return (
            f"They discussed {self.rng.randint(2, 99)} projects worth "
            f"{self.rng.randint(1, 10**6)} thousand dollars."
        )

    def comment_pair(self) -> list[tuple[str | None, str]]:
        p = self.rng.choice(self.partners)
        return [
            (None, f"🇷🇺{p.flag} Комментарий Посольства России\n\n{COMMENT_RU} {self.detail_ru()}"),
            (None, f"🇷🇺{p.flag} Comment by the Russian Embassy\n\n{COMMENT_EN} {self.detail_en()}"),
        ]

    def multilateral(self) -> list[tuple[str | None, str]]:
        org_en, _ = self.rng.choice(ORGS)
        session, day = self.meeting_day()
        return [
            (
                "Russian MFA 🇷🇺",
                f"🗓 On {EN_MONTHS[day.month - 1]} {day.day}, Foreign Minister Sergey Lavrov "
                f"took part in the informal meeting of the Foreign Ministers of the {org_en} "
                f"member states on the sidelines of the {session}th session of the UN General "
                f"Assembly in New York.\n\n{FILLER_EN} {self.detail_en()}",
            )
        ]

    def caption(self) -> list[tuple[str | None, str]]:
        """A video caption, after a post its hashtag line closes (a dump has no other cue)."""
        return [
            *self.bilateral_pair(),
            (None, f"Начало переговоров Сергея Лаврова с Генсеком ООН, видео {self.video()}"),
        ]

    def group(self) -> list[tuple[str | None, str]]:
        """A few posts in the order a channel carries them."""
        roll = self.rng.random()
        if roll < 0.6:
            return self.bilateral_pair()
        if roll < 0.8:
            return self.comment_pair()
        if roll < 0.93:
            return self.multilateral()
        return self.caption()

    def posts(self, n: int) -> Iterator[tuple[str | None, str]]:
        made = 0
        while made < n:
            for post in self.group()[: n - made]:
                made += 1
                yield post

    def article(self) -> str:
        p = self.rng.choice(self.partners)
        session, _ = self.meeting_day()
        return (
            f"Russian Foreign Minister Sergei Lavrov held talks with the Foreign Minister of "
            f"{p.name_en} on the sidelines of the {session}th session of the UN General "
            f"Assembly on Wednesday.\n{FILLER_EN} {self.detail_en()}\n"
            f"The ministers also discussed cooperation "
            f"within the United Nations.\n"
        )


def channel_dump(title: str, posts: list[tuple[str | None, str]]) -> str:
    lines = [title, f"Официальный канал: {title}."]
    for forwarded, text in posts:
        if forwarded:
            lines.append(f"Forwarded from {forwarded}")
        lines.append(text)
    return "\n".join(lines) + "\n"


def json_export(title: str, username: str, posts: list[tuple[str | None, str]], seed: int) -> str:
    start = datetime(2019, 9, 1, tzinfo=UTC) + timedelta(days=seed % 300)
    messages = []
    for i, (forwarded, text) in enumerate(posts, start=1):
        when = start + timedelta(minutes=17 * i)
        message = {
            "id": i,
            "type": "message",
            "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
            "date_unixtime": str(int(when.timestamp())),
            "from": title,
            "text": text,
            "text_entities": [{"type": "plain", "text": text}],
        }
        if forwarded:
            message["forwarded_from"] = forwarded
        messages.append(message)
    return json.dumps(
        {
            "name": title,
            "type": "public_channel",
            "id": 1000 + seed,
            "username": username,
            "messages": messages,
        },
        ensure_ascii=False,
    )


def write_corpus(n_posts: int, out_dir: Path, seed: int = 1) -> dict[str, int]:
    """Write a corpus of about `n_posts` posts into `out_dir`; returns file and post counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(seed)
    n_articles = max(1, round(n_posts * ARTICLE_SHARE))
    channel_posts = n_posts - n_articles
    n_files = max(2, -(-channel_posts // POSTS_PER_FILE))
    json_every = round(1 / JSON_FILE_SHARE)
    for f in range(n_files):
        share = channel_posts // n_files + (f < channel_posts % n_files)
        posts = list(corpus.posts(share))
        title = f"Embassy of Russia No. {f} / Посольство России № {f}"
        if f % json_every == json_every - 1 or (n_files < json_every and f == n_files - 1):
            (out_dir / f"channel_{f:04d}.json").write_text(
                json_export(title, f"embassy_{f}", posts, f), encoding="utf-8"
            )
        else:
            (out_dir / f"channel_{f:04d}.txt").write_text(
                channel_dump(title, posts), encoding="utf-8"
            )
    for a in range(n_articles):
        text = corpus.article()
        copies = 2 if a % 5 == 0 else 1
        (out_dir / f"article_{a:05d}.txt").write_text(text * copies, encoding="utf-8")
    repeats = len(range(0, n_articles, 5))  # every fifth article is pasted twice
    return {"files": n_files + n_articles, "posts": n_posts, "repeats": repeats}
