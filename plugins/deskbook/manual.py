"""The Manual: every content file loaded, validated and indexed. The one object all outputs read.

``load_manual`` reads each file once, reports every problem of the run together, and returns a Manual
whose entities can be looked up by kind and id and located back in their YAML.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostics, Location, display_path
from .limits import text_fields
from .load import SourceMap, StrictYamlError, read_yaml
from .locale import Localization, localization
from .model import CHANNEL_KINDS, CONTENT_FILES, ContentFile, Entity, RefTo, content_file_for, locale_context
from .model.call_log import LoggingGuide
from .model.company import Company
from .model.escalation import RoleList, Routing
from .model.glossary import Glossary
from .model.hours import ServiceHours
from .model.manual_settings import LocaleSetting, ManualSettings
from .model.metric import MetricList
from .model.schedule import ResponseSchedule
from .model.service_levels import ServiceLevels
from .model.training import HiringProfile, KnowledgeChecks, Monitoring, OnboardingPlan, TrainingLibrary
from .model.variables import Variables

Path_ = tuple[Any, ...]
M = typing.TypeVar("M", bound=BaseModel)


@dataclass
class SourceDocument:
    """One YAML file: where it is, what kind it holds, its positions and its validated model."""

    path: Path
    display: str  # as shown in messages: relative to the project root
    content_file: ContentFile
    source_map: SourceMap
    model: BaseModel

    def location(self, path: Path_ = (), key: bool = False) -> Location:
        mark = self.source_map.key_mark(path) if key else self.source_map.value_mark(path)
        return Location(self.display, mark.line, mark.column)

    @functools.cached_property
    def texts(self) -> list[tuple[Path_, str]]:
        """Every string of the model with its key path (:func:`.limits.text_fields`), walked once for the
        checks that read them all: the limits, invisible characters, the print glyphs."""
        return list(text_fields(self.model))


@dataclass(frozen=True)
class EntityRecord:
    entity: Entity
    document: SourceDocument
    path: Path_  # where the entity stands inside its document

    def location(self, *field_path: Any, key: bool = False) -> Location:
        return self.document.location(self.path + tuple(field_path), key=key)


@dataclass(frozen=True)
class Reference:
    """One use of a reference field: who refers, from which field, to what."""

    source: EntityRecord | None
    document: SourceDocument
    path: Path_
    kind: str
    target: str  # an id, or kind:id when kind is "*"

    @property
    def location(self) -> Location:
        return self.document.location(self.path)

    @property
    def target_kind_and_id(self) -> tuple[str, str]:
        if self.kind == "*":
            kind, _, target_id = self.target.partition(":")
            return kind, target_id
        return self.kind, self.target


@dataclass
class Manual:
    content_dir: Path
    documents: list[SourceDocument]
    records: dict[str, dict[str, EntityRecord]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    incomplete_kinds: frozenset[str] = frozenset()
    """Kinds with a file that failed to load (only in a partial manual built for reporting)."""
    references_of_failed_files: list[tuple[Location, str, str]] = field(default_factory=list)
    """(where, kind, target) of the references in files that failed validation, read from their YAML as
    written, so a file's unknown role is reported in the same run as its wrong value."""

    # -- settings files ------------------------------------------------------------------------------------
    @property
    def localization(self) -> Localization:
        """Words and formats in the manual's language; the project's own catalogues sit beside content/."""
        setting = self.settings.locale
        return localization(setting.language, setting.currency, self.content_dir.parent, setting.digits)

    def settings_file(self, model: type[M]) -> M | None:
        """The model of the settings file that holds a ``model``; None for an optional file the project does
        not have. The properties below name each one with its type."""
        found = self._settings_models.get(model)
        return found if isinstance(found, model) else None

    @functools.cached_property
    def _settings_models(self) -> dict[type, BaseModel]:
        return {type(doc.model): doc.model for doc in self.documents if not doc.content_file.is_folder}

    def _required(self, model: type[M]) -> M:
        found = self.settings_file(model)
        if found is None:  # load_manual gives no Manual without every required file (test_registry checks)
            raise LookupError(f"the manual has no {model.__name__}")
        return found

    @property
    def settings(self) -> ManualSettings:
        return self._required(ManualSettings)

    @property
    def company(self) -> Company:
        return self._required(Company)

    @property
    def variables(self) -> Variables:
        return self._required(Variables)

    @property
    def role_list(self) -> RoleList:
        return self._required(RoleList)

    @property
    def routing(self) -> Routing:
        return self._required(Routing)

    @property
    def schedule(self) -> ResponseSchedule:
        return self._required(ResponseSchedule)

    @property
    def service_hours(self) -> ServiceHours | None:
        return self.settings_file(ServiceHours)

    @property
    def service_levels(self) -> ServiceLevels | None:
        return self.settings_file(ServiceLevels)

    @property
    def logging_guide(self) -> LoggingGuide:
        return self._required(LoggingGuide)

    @property
    def metric_list(self) -> MetricList:
        return self._required(MetricList)

    @property
    def glossary(self) -> Glossary:
        return self._required(Glossary)

    @property
    def onboarding(self) -> OnboardingPlan:
        return self._required(OnboardingPlan)

    @property
    def library(self) -> TrainingLibrary:
        return self._required(TrainingLibrary)

    @property
    def hiring(self) -> HiringProfile:
        return self._required(HiringProfile)

    @property
    def monitoring(self) -> Monitoring:
        return self._required(Monitoring)

    @property
    def knowledge_checks(self) -> KnowledgeChecks:
        return self._required(KnowledgeChecks)

    # -- entities -----------------------------------------------------------------------------------------
    def entities(self, kind: str) -> list[Any]:
        """Entities of one kind in a stable order: file order, then position in the file."""
        return [record.entity for record in self.records.get(kind, {}).values()]

    def get(self, kind: str, entity_id: str) -> Any | None:
        record = self.records.get(kind, {}).get(entity_id)
        return record.entity if record else None

    def record(self, entity: Entity) -> EntityRecord:
        return self.records[entity.kind][entity.id]

    def all_records(self) -> Iterator[EntityRecord]:
        for by_id in self.records.values():
            yield from by_id.values()

    def references_to(self, kind: str, entity_id: str) -> list[Reference]:
        return [ref for ref in self.references if ref.target_kind_and_id == (kind, entity_id)]

    def channel_kind(self, channel_id: str) -> str | None:
        """The built-in kind of a channel (``web`` for a declared portal), None for an unknown id."""
        declared = self.get("channel", channel_id)
        if declared is not None:
            return str(declared.channel_kind)
        return channel_id if channel_id in CHANNEL_KINDS else None

    def channel_name(self, channel_id: str) -> str:
        """What readers call a channel: its declared name ("Support portal"), or a built-in channel's words
        in the manual's language ("Live chat", "Telefon")."""
        declared = self.get("channel", channel_id)
        if declared is not None:
            return str(declared.name)
        if channel_id in CHANNEL_KINDS:
            return self.localization.gettext(CHANNEL_KINDS[channel_id])
        return channel_id

    def visible_to(self, entity: Entity, audience: str | None) -> bool:
        """An entity with no audience is for everyone; otherwise the audience must be listed."""
        return audience is None or not entity.audience or audience in entity.audience

    def for_audience(self, audience: str | None) -> Manual:
        """The same manual seen by one audience: entities tagged for other audiences are left out.

        Printed editions render from this view, so a page, a table row or a link to something the
        audience must not see simply is not there.
        """
        if audience is None:
            return self
        records = {
            kind: {entity_id: record for entity_id, record in by_id.items() if self.visible_to(record.entity, audience)}
            for kind, by_id in self.records.items()
        }
        references = [
            ref for ref in self.references if ref.source is None or self.visible_to(ref.source.entity, audience)
        ]
        return Manual(self.content_dir, self.documents, records, references)


def load_manual(
    content_dir: Path, project_root: Path | None = None, allow_partial: bool = False
) -> tuple[Manual | None, Diagnostics]:
    """Read and validate every content file. Returns the Manual (None if any file failed) and diagnostics.

    With ``allow_partial``, a file of a per-entity folder that failed still leaves a Manual of the rest,
    so ``check`` can report cross-reference problems in the same run; references into the failed kinds
    are then not judged. Outputs never use a partial Manual.
    Cross-references are checked separately (:mod:`deskbook.check`); :mod:`deskbook.pipeline` runs both.
    """
    diagnostics = Diagnostics()
    root = project_root or content_dir.parent
    documents: list[SourceDocument] = []
    if not content_dir.is_dir():
        diagnostics.error(Location(display_path(content_dir, root)), "content folder not found")
        return None, diagnostics

    found: set[str] = set()
    context = _locale_context(content_dir)
    failed: set[str] = set()
    failed_references: list[tuple[Location, str, str]] = []
    for path in sorted(content_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".yaml", ".yml"):
            continue
        if path.suffix not in (".yaml", ".yml"):
            diagnostics.error(Location(display_path(path, root)),
                              f"'{path.name}' is not read: content files end in lowercase .yaml; rename it")
            continue
        relative = path.relative_to(content_dir).as_posix()
        shown = display_path(path, root)
        if path.is_symlink():
            diagnostics.error(Location(shown), "content files may not be symbolic links")
            continue
        content_file = content_file_for(relative)
        if content_file is None:
            diagnostics.error(Location(shown), _unknown_file_message(relative))
            continue
        found.add(content_file.name)
        document = _load_document(path, shown, content_file, diagnostics, context, failed_references)
        if document is not None:
            documents.append(document)
        else:
            failed.add(content_file.name)

    for content_file in CONTENT_FILES:
        if content_file.required and content_file.name not in found:
            diagnostics.error(
                Location(display_path(content_dir / content_file.pattern, root)),
                f"missing file: the manual needs {content_file.pattern} ({content_file.title.lower()})",
            )

    if diagnostics.errors:
        loaded = {document.content_file.name for document in documents}
        settings_loaded = all(cf.name in loaded for cf in CONTENT_FILES
                              if not cf.is_folder and (cf.required or cf.name in found))
        if not (allow_partial and settings_loaded):
            return None, diagnostics
    manual = Manual(content_dir=content_dir, documents=documents, incomplete_kinds=frozenset(failed),
                    references_of_failed_files=failed_references)
    _index(manual, diagnostics)
    return manual, diagnostics


def _locale_context(content_dir: Path) -> dict[str, str]:
    """manual.yaml's language and currency, read ahead of the other files so their amounts parse in them.

    A broken setting falls back to the defaults here; manual.yaml's own validation reports it."""
    for name in ("manual.yaml", "manual.yml"):
        try:
            data, _ = read_yaml((content_dir / name).read_bytes())
            setting = LocaleSetting.model_validate(data["locale"])
        except (OSError, StrictYamlError, ValidationError, KeyError, TypeError):
            continue
        return locale_context(setting.language, setting.currency)
    return locale_context()


def _load_document(
    path: Path, shown: str, content_file: ContentFile, diagnostics: Diagnostics, context: dict[str, str],
    failed_references: list[tuple[Location, str, str]],
) -> SourceDocument | None:
    try:
        data, source_map = read_yaml(path.read_bytes())
    except StrictYamlError as exc:
        for problem in exc.problems:
            diagnostics.error(Location(shown, problem.mark.line, problem.mark.column), problem.message)
        return None
    except OSError as exc:
        diagnostics.error(Location(shown), f"cannot read file: {exc.strerror}")
        return None
    if not isinstance(data, dict):
        mark = source_map.value_mark(())
        diagnostics.error(
            Location(shown, mark.line, mark.column),
            f"expected a mapping of keys to values at the top of the file, got {type(data).__name__}",
        )
        return None
    try:
        model = content_file.model.model_validate(data, context=context)
    except ValidationError as exc:
        # Imported here: only a file that fails needs it, and with it YAML's mistakes and difflib.
        from .model.explain import explain_validation_error

        for mark, message in explain_validation_error(exc, content_file.model, source_map):
            diagnostics.error(Location(shown, mark.line, mark.column), message)
        wrong = [tuple(error["loc"]) for error in exc.errors()]
        for where, kind, target in _walk_raw_references(content_file.model, data, ()):
            if not any(where[: len(loc)] == loc for loc in wrong):  # a wrong value is reported once
                mark = source_map.value_mark(where)
                failed_references.append((Location(shown, mark.line, mark.column), kind, target))
        return None
    return SourceDocument(path, shown, content_file, source_map, model)


def _unknown_file_message(relative: str) -> str:
    import difflib

    patterns = [content_file.pattern for content_file in CONTENT_FILES]
    folder = relative.rpartition("/")[0]
    candidates = [p for p in patterns if "*" not in p] + [p.rpartition("/")[0] + "/" for p in patterns if "*" in p]
    guess = difflib.get_close_matches(relative if not folder else folder + "/", candidates, n=1, cutoff=0.5)
    hint = f"; did you mean {guess[0]}?" if guess else ""
    return f"this file is not a known kind of content{hint} Known files: {', '.join(patterns)}"


def index_manual(manual: Manual) -> Manual:
    """Index a Manual built from documents already loaded and checked (a derived view of one)."""
    _index(manual, Diagnostics())
    return manual


def _index(manual: Manual, diagnostics: Diagnostics) -> None:
    """Find every entity and every reference by walking the validated models."""
    for document in manual.documents:
        for path, entity in _walk_entities(document.model, ()):
            record = EntityRecord(entity, document, path)
            by_id = manual.records.setdefault(entity.kind, {})
            if entity.id in by_id:
                first = by_id[entity.id]
                diagnostics.error(
                    record.location("id"),
                    f"duplicate {entity.kind} id '{entity.id}': already used at {first.location('id')}",
                )
                continue
            by_id[entity.id] = record
    records_by_document: dict[int, list[EntityRecord]] = {}
    for record in manual.all_records():
        records_by_document.setdefault(id(record.document), []).append(record)
    for document in manual.documents:
        # A reference belongs to the innermost entity around it: the longest of its path's beginnings that
        # is an entity's path (looked up, not compared with every entity of the file, which was quadratic).
        by_path = {record.path: record for record in records_by_document.get(id(document), [])}
        for path, kind, target in _walk_references(document.model, ()):
            owner = next((by_path[path[:end]] for end in range(len(path), -1, -1) if path[:end] in by_path), None)
            manual.references.append(Reference(owner, document, path, kind, target))


def _walk_entities(value: Any, path: Path_) -> Iterator[tuple[Path_, Entity]]:
    if isinstance(value, Entity):
        yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk_entities(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk_entities(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_entities(item, path + (key,))


@cache
def _field_ref_kind(model: type[BaseModel], name: str) -> tuple[str | None, bool]:
    """Whether a model's field holds references; the same for every instance, so asked once per field."""
    return _ref_kind(_field_annotation(model.model_fields[name]))


def _ref_kind(annotation: Any) -> tuple[str | None, bool]:
    """(kind, is_list) if the annotation is a reference, or a list of references or a mapping keyed by them
    (``targets: {email: 4 hours}`` refers to the channel ``email``)."""
    for candidate in _annotation_layers(annotation):
        origin = typing.get_origin(candidate)
        if origin is typing.Annotated:
            for meta in candidate.__metadata__:
                if isinstance(meta, RefTo):
                    return meta.kind, False
        if origin in (list, tuple, dict):
            kind, _ = _ref_kind(typing.get_args(candidate)[0])
            if kind:
                return kind, True
    return None, False


def _annotation_layers(annotation: Any) -> Iterator[Any]:
    import types

    yield annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _annotation_layers(arg)
    elif origin is typing.Annotated:
        yield from _annotation_layers(typing.get_args(annotation)[0])


def _walk_references(value: Any, path: Path_) -> Iterator[tuple[Path_, str, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            kind, is_list = _field_ref_kind(type(value), name)
            if kind and item is not None:
                if isinstance(item, dict):
                    for key in item:
                        yield path + (name, key), kind, key
                elif is_list:
                    for index, target in enumerate(item):
                        yield path + (name, index), kind, target
                else:
                    yield path + (name,), kind, item
            else:
                yield from _walk_references(item, path + (name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk_references(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_references(item, path + (key,))


def _walk_raw_references(model: type[BaseModel], data: Any, path: Path_) -> Iterator[tuple[Path_, str, str]]:
    """The references in a file's data as written, found by the model's fields (as ``_walk_references``
    finds them in a validated model), for a file that did not validate."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        item = data[name]
        kind, is_list = _field_ref_kind(model, name)
        if kind:
            targets = list(enumerate(item)) if is_list and isinstance(item, list) else [(None, item)]
            for index, target in targets:
                if isinstance(target, str):
                    yield path + ((name,) if index is None else (name, index)), kind, target
            continue
        inner = _nested_model(_field_annotation(info))
        if inner is None:
            continue
        if isinstance(item, list):
            for index, element in enumerate(item):
                yield from _walk_raw_references(inner, element, path + (name, index))
        else:
            yield from _walk_raw_references(inner, item, path + (name,))


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, alone or in a list (a policy's rules, exceptions)."""
    for candidate in _annotation_layers(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        if typing.get_origin(candidate) in (list, tuple):
            inner = _nested_model(typing.get_args(candidate)[0])
            if inner is not None:
                return inner
    return None


def _field_annotation(info: Any) -> Any:
    # pydantic moves Annotated metadata of a field into FieldInfo.metadata; put it back for the walk.
    annotation = info.annotation
    if info.metadata:
        layers = (annotation, *info.metadata)
        return typing.Annotated[layers]
    return annotation
