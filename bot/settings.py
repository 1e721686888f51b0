"""Settings: the config file and the environment, validated once and frozen.

The config file (``config/briefbot.toml``; ``BRIEFBOT_CONFIG`` or ``--config`` choose another)
holds channels, schedules and feeds. Secrets come only from the environment, under the SDKs'
own names, and are kept as ``SecretStr`` so that they never reach a log or a traceback.
Relative paths resolve against the working directory, so a config kept elsewhere still finds
``briefs/``.
"""

from __future__ import annotations

import json
import os
import tomllib
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
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
    # protected_namespaces: pydantic before 2.10 warns about fields named model_* (model_api_key).
    model_config = ConfigDict(extra="forbid", frozen=True, protected_namespaces=())


def _check_timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as err:
        raise ValueError(f"unknown IANA timezone {value!r}") from err
    return value


def _upper(value: object) -> object:
    return value.upper() if isinstance(value, str) else value


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _check_cron(value: str) -> str:
    from bot.delivery.cron import check_cron  # the one cron parser: what passes here fires

    return check_cron(value)


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


class HealthSettings(_Frozen):
    """The HTTP server of /healthz, /readyz and /metrics in every mode but the console.

    In Slack's HTTP mode these routes sit beside /slack/events on ``PORT`` instead.
    """

    host: str = "0.0.0.0"
    port: int = Field(default=8080, ge=0, le=65535)  # BRIEFBOT_HEALTH_PORT overrides


class Settings(_Frozen):
    """Everything from the config file plus the non-secret environment overrides."""

    briefs_dir: Path = Path("briefs")
    data_dir: Path = Path("data")
    database_url: str | None = None
    timezone: str = "UTC"
    # None: INFO for `run` (so its start-up line shows), WARNING for one-shot commands.
    log_level: Annotated[str | None, BeforeValidator(_upper)] = Field(
        default=None, pattern=r"^(DEBUG|INFO|WARNING|ERROR)$"
    )
    # auto: JSON lines when stderr is not a terminal (containers, PaaS), text on a terminal.
    log_format: Annotated[str, BeforeValidator(_lower)] = Field(
        default="auto", pattern=r"^(auto|json|text)$"
    )
    briefing: BriefingSettings = BriefingSettings()
    schedules: list[ScheduleSettings] = Field(default_factory=list)
    delivery: DeliverySettings = DeliverySettings()
    feeds: list[FeedSettings] = Field(default_factory=list)
    allow_private_addresses: bool = False
    ingest: IngestSettings = IngestSettings()
    model: ModelSettings = ModelSettings()
    health: HealthSettings = HealthSettings()
    slack_admins: list[Annotated[str, StringConstraints(pattern=r"^[UW][A-Z0-9]{2,}$")]] = Field(
        default_factory=list, description="Slack user ids allowed admin commands besides admins"
    )
    config_path: Path | None = None

    _tz = field_validator("timezone")(_check_timezone)

    def effective_log_level(self, command: str) -> str:
        """The configured level, else INFO for the long-running `run` and WARNING otherwise."""
        return self.log_level or ("INFO" if command == "run" else "WARNING")

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

    @field_validator("schedules")
    @classmethod
    def _unique_schedule_names(cls, schedules: list[ScheduleSettings]) -> list[ScheduleSettings]:
        """Two schedules of one name would share ledger rows: one would never post."""
        names = [s.name for s in schedules]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"schedule name(s) used more than once: {', '.join(repeated)}")
        return schedules

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

        secrets = cls(
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            discord_token=get("DISCORD_TOKEN"),
            model_api_key=get("BRIEFBOT_MODEL_API_KEY"),
        )
        secrets.check_slack()
        return secrets

    def check_slack(self) -> None:
        """Half a Slack configuration is refused: it would quietly run without Slack."""
        if problem := self.platform_problem():
            raise ConfigError(f"environment: {problem}")

    @property
    def slack(self) -> bool:
        """Slack is configured (HTTP mode needs the signing secret, Socket Mode the app token)."""
        return self.slack_bot_token is not None and (
            self.slack_signing_secret is not None or self.slack_app_token is not None
        )

    @property
    def slack_http(self) -> bool:
        """Slack runs in HTTP mode (its server also carries /healthz, /readyz, /metrics)."""
        return self.slack and self.slack_app_token is None

    def platform_problem(self) -> str | None:
        """A platform set up by halves, which must stop ``run`` rather than fall back to the
        console and exit 0 as if all were well; None when every set token has its partners."""
        if self.slack_bot_token is not None and not self.slack:
            return (
                "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor "
                "SLACK_APP_TOKEN (Socket Mode) is: set one of them, or unset SLACK_BOT_TOKEN"
            )
        if self.slack_bot_token is None and (self.slack_signing_secret or self.slack_app_token):
            which = "SLACK_SIGNING_SECRET" if self.slack_signing_secret else "SLACK_APP_TOKEN"
            return f"{which} is set but SLACK_BOT_TOKEN is not"
        return None

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


ENV_PREFIX = "BRIEFBOT_"
ENV_NESTING = "__"
# BRIEFBOT_* variables that are not config keys: the config file itself and a secret.
_NOT_KEYS = frozenset({"config", "config_path", "model_api_key"})


def load_settings(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read, merge and validate settings once; any problem is one ConfigError naming the key.

    Every key can be overridden from the environment: ``BRIEFBOT_<KEY>`` for a top-level key,
    ``BRIEFBOT_<TABLE>__<KEY>`` for a nested one (``BRIEFBOT_DELIVERY__GRACE_MINUTES=30``);
    lists and tables take JSON (``BRIEFBOT_SLACK_ADMINS='["U0123ABCD"]'``). The environment
    wins over the file. pydantic-settings does the same mapping but reads only ``os.environ``
    and names the model path, not the variable, in its errors; this keeps both: the
    environment is a parameter (tests pass their own) and a bad variable is named as such.
    """
    env = os.environ if env is None else env
    path = config_path(explicit, env)
    document = _read_toml(path) if path is not None else {}
    overrides = env_overrides(env)
    for key_path, (_, value) in overrides.items():
        _assign(document, key_path, value)
    if env.get("DATABASE_URL"):
        document["database_url"] = env["DATABASE_URL"]
    if env.get("BRIEFBOT_HEALTH_PORT"):
        document.setdefault("health", {})["port"] = env["BRIEFBOT_HEALTH_PORT"]
    document["config_path"] = str(path) if path else None
    try:
        return Settings.model_validate(document)
    except ValidationError as err:
        raise ConfigError(_describe(err, path, overrides)) from err


def env_overrides(env: Mapping[str, str]) -> dict[tuple[str, ...], tuple[str, Any]]:
    """Config keys set in the environment: key path → (variable name, value)."""
    found: dict[tuple[str, ...], tuple[str, Any]] = {}
    for name, raw in env.items():
        if not name.upper().startswith(ENV_PREFIX) or not raw.strip():
            continue
        key_path = tuple(part.lower() for part in name[len(ENV_PREFIX) :].split(ENV_NESTING))
        if key_path[0] in _NOT_KEYS or key_path[0] not in Settings.model_fields:
            continue  # another part's variable (e.g. BRIEFBOT_HEALTH_PORT), not a config key
        found[key_path] = (name, _env_value(raw))
    return found


def _env_value(raw: str) -> Any:
    """JSON for lists and tables; any other value stays a string for pydantic to convert."""
    text = raw.strip()
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return raw  # reported by validation, naming the variable
    return raw


def _assign(document: dict[str, Any], key_path: tuple[str, ...], value: Any) -> None:
    """Set a nested key, making the tables on the way (a non-table there is replaced)."""
    table = document
    for key in key_path[:-1]:
        if not isinstance(table.get(key), dict):
            table[key] = {}
        table = table[key]
    table[key_path[-1]] = value


def _describe(
    err: ValidationError, path: Path | None, overrides: dict[tuple[str, ...], tuple[str, Any]]
) -> str:
    """One line like the TOML errors, naming the variable when the value came from one."""
    for error in err.errors():
        loc = tuple(str(part) for part in error["loc"])
        for key_path, (name, _) in overrides.items():
            if loc[: len(key_path)] == key_path:
                return f"{name}: {describe_validation(err)}"
    return f"{path or 'settings'}: {describe_validation(err)}"


def read_dotenv(path: Path = Path(".env")) -> Mapping[str, str]:
    """The environment, with ``.env`` in the working directory added when present.

    The file fills only variables that are not already set (the real environment wins),
    and goes into ``os.environ`` so that every reader (the SDKs, the adapters' own
    variables) sees the same values.
    """
    if path.is_file():
        from dotenv import load_dotenv

        load_dotenv(path, override=False)
    return os.environ


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as err:
        raise ConfigError(f"{path}: config file not found") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from err
