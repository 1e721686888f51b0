"""Settings: the config file and the environment, validated once and frozen.

The config file (``config/briefbot.toml``; ``BRIEFBOT_CONFIG`` or ``--config`` choose another)
holds channels, schedules and feeds. Secrets come only from the environment, under the SDKs'
own names, and are kept as ``SecretStr`` so that they never reach a log or a traceback.
Relative paths resolve against the working directory, so a config kept elsewhere still finds
``briefs/``.
"""

from __future__ import annotations

import os
import tomllib
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    StringConstraints,
    ValidationError,
    field_validator,
)

from bot.core.briefing import BriefingSpec, Budget
from bot.errors import ConfigError, describe_validation

DEFAULT_CONFIG = Path("config/briefbot.toml")
ChannelRef = Annotated[
    str,
    StringConstraints(pattern=r"^(console|slack:[A-Z0-9]{6,}|discord:\d{15,22})$"),
    Field(description="'console', 'slack:C0123ABCD' or 'discord:112233445566778899'"),
]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as err:
        raise ValueError(f"unknown IANA timezone {value!r}") from err
    return value


def _check_cron(value: str) -> str:
    fields = value.split()
    if len(fields) != 5:
        raise ValueError(f"cron {value!r} needs 5 fields (minute hour day month weekday)")
    from apscheduler.triggers.cron import CronTrigger  # validation only; the scheduler owns jobs

    try:
        CronTrigger.from_crontab(value, timezone="UTC")
    except ValueError as err:
        raise ValueError(f"invalid cron {value!r}: {err}") from err
    return value


class BriefingSettings(_Frozen):
    """How briefings look."""

    title: str = "Briefing"
    max_items: int = Field(default=5, ge=1, le=20)
    item_budget: int = Field(default=900, ge=200, le=3000)
    total_budget: int = Field(default=1800, ge=400, le=20000)

    def spec(
        self,
        *,
        title: str | None = None,
        topics: tuple[str, ...] = (),
        max_items: int | None = None,
    ) -> BriefingSpec:
        """A briefing spec with these defaults, overridden per schedule."""
        return BriefingSpec(
            title=title or self.title,
            max_items=max_items or self.max_items,
            topics=topics,
            budget=Budget(per_item=self.item_budget, total=self.total_budget),
        )


class ScheduleSettings(_Frozen):
    """A configured schedule: when, where and what to post."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
    cron: str
    timezone: str = "UTC"
    channels: list[ChannelRef] = Field(min_length=1)
    topics: list[str] = Field(default_factory=list)
    max_items: int = Field(default=5, ge=1, le=20)
    title: str | None = None

    _cron = field_validator("cron")(_check_cron)
    _tz = field_validator("timezone")(_check_timezone)


class DeliverySettings(_Frozen):
    """How scheduled delivery behaves: the catch-up window and the claim lease."""

    grace_minutes: int = Field(default=60, ge=0, le=24 * 60)  # late slots still delivered
    lease_seconds: int = Field(default=120, ge=5, le=3600)  # a claim's life without renewal
    resync_seconds: int = Field(default=60, ge=1, le=3600)  # re-read DB subscriptions


class FeedSettings(_Frozen):
    """A feed or JSON summary endpoint polled for new articles."""

    name: str
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    kind: str = Field(default="rss", pattern=r"^(rss|atom|json)$")
    every_minutes: int = Field(default=30, ge=1)
    topics: list[str] = Field(default_factory=list)


class IngestSettings(_Frozen):
    """Limits for every outgoing fetch: a slow or huge answer must not stall or fill the bot."""

    timeout_seconds: float = Field(default=10.0, gt=0, le=120)  # per read
    deadline_seconds: float = Field(default=30.0, gt=0, le=600)  # a whole fetch, redirects too
    max_bytes: int = Field(default=5_000_000, ge=1_000, le=100_000_000)
    max_redirects: int = Field(default=5, ge=0, le=20)
    user_agent: str = "briefbot/0.1 (+https://briefbot.dev)"


class ModelSettings(_Frozen):
    """The optional OpenAI-compatible summariser; off by default, key from BRIEFBOT_MODEL_API_KEY."""

    enabled: bool = False
    base_url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] = (
        "http://127.0.0.1:8000/v1"
    )
    model: str = "gpt-4o-mini"
    timeout_seconds: float = Field(default=60.0, gt=0, le=600)


class Settings(_Frozen):
    """Everything from the config file plus the non-secret environment overrides."""

    briefs_dir: Path = Path("briefs")
    data_dir: Path = Path("data")
    database_url: str | None = None
    timezone: str = "UTC"
    log_level: str = Field(default="WARNING", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")
    briefing: BriefingSettings = BriefingSettings()
    schedules: list[ScheduleSettings] = Field(default_factory=list)
    delivery: DeliverySettings = DeliverySettings()
    feeds: list[FeedSettings] = Field(default_factory=list)
    allow_private_addresses: bool = False
    ingest: IngestSettings = IngestSettings()
    model: ModelSettings = ModelSettings()
    slack_admins: list[Annotated[str, StringConstraints(pattern=r"^[UW][A-Z0-9]{2,}$")]] = Field(
        default_factory=list, description="Slack user ids allowed admin commands besides admins"
    )
    config_path: Path | None = None

    _tz = field_validator("timezone")(_check_timezone)

    @field_validator("feeds")
    @classmethod
    def _unique_feed_names(cls, feeds: list[FeedSettings]) -> list[FeedSettings]:
        """A feed's name keys its stored state (ETag, seen entries): two must not share one."""
        names = [feed.name for feed in feeds]
        for name in names:  # origins are feed:<name>:<entry>: "a:b" would read feed a's items
            if ":" in name or not name.strip():
                raise ValueError(f"feed name {name!r} must be non-empty and contain no ':'")
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"feed name {twice[0]!r} is used by more than one feed")
        return feeds

    @property
    def store_url(self) -> str:
        """DATABASE_URL, or a SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'briefbot.sqlite3'}"

    def schedule(self, name: str) -> ScheduleSettings:
        """A configured schedule by name."""
        for schedule in self.schedules:
            if schedule.name == name:
                return schedule
        known = ", ".join(s.name for s in self.schedules) or "none configured"
        raise ConfigError(f"no schedule named {name!r} (known: {known})")


class Secrets(_Frozen):
    """Tokens from the environment. Never logged: SecretStr prints as '**********'."""

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    discord_token: SecretStr | None = None
    model_api_key: SecretStr | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Secrets:
        """Read the SDKs' own variable names; empty values count as unset."""

        def get(name: str) -> SecretStr | None:
            value = env.get(name, "").strip()
            return SecretStr(value) if value else None

        return cls(
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            discord_token=get("DISCORD_TOKEN"),
            model_api_key=get("BRIEFBOT_MODEL_API_KEY"),
        )

    @property
    def slack(self) -> bool:
        """Slack is configured (HTTP mode needs the signing secret, Socket Mode the app token)."""
        return self.slack_bot_token is not None and (
            self.slack_signing_secret is not None or self.slack_app_token is not None
        )

    @property
    def discord(self) -> bool:
        """Discord is configured."""
        return self.discord_token is not None

    @property
    def any_platform(self) -> bool:
        """Some chat platform is configured."""
        return self.slack or self.discord


def config_path(explicit: Path | None, env: Mapping[str, str]) -> Path | None:
    """The config file: --config, else BRIEFBOT_CONFIG, else config/briefbot.toml if present."""
    if explicit is not None:
        return explicit
    if env.get("BRIEFBOT_CONFIG"):
        return Path(env["BRIEFBOT_CONFIG"])
    return DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None


def load_settings(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read, merge and validate settings once; any problem is one ConfigError naming the key."""
    env = os.environ if env is None else env
    path = config_path(explicit, env)
    document = _read_toml(path) if path is not None else {}
    if env.get("BRIEFBOT_BRIEFS_DIR"):
        document["briefs_dir"] = env["BRIEFBOT_BRIEFS_DIR"]
    if env.get("DATABASE_URL"):
        document["database_url"] = env["DATABASE_URL"]
    document["config_path"] = str(path) if path else None
    try:
        return Settings.model_validate(document)
    except ValidationError as err:
        where = path or "settings"
        raise ConfigError(f"{where}: {describe_validation(err)}") from err


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as err:
        raise ConfigError(f"{path}: config file not found") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from err
