"use client";
/**
 * A choice among thousands (units, agencies) loaded on demand (decision 029): a text field that asks
 * /api/choices/<source> as the user types (accents optional) and lists the matches below it, page after page,
 * so that every option can be reached and none is sent with the page. The WAI-ARIA combobox pattern:
 * arrow keys move through the list, Enter picks, Escape closes (then puts back the chosen text).
 *
 * The chosen id travels in a hidden field named `name`. Without JavaScript the text field (named `textName`)
 * is all there is: the user types a name and submits, and the page resolves the text to its best match
 * (lib/choices). With JavaScript, a picked option sends only its id, so the address stays short.
 */
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import type { Choice, ChoicePage } from "@/lib/choices/types";

export interface ChoiceBoxProps {
  /** The text field's id, for its label. */
  id: string;
  /** The hidden field with the chosen id. */
  name: string;
  /** The text field's name: what a browser without JavaScript sends to be looked up. */
  textName: string;
  source: "units" | "agencies";
  /** Units only: the levels offered (all when absent). */
  levels?: readonly string[];
  /** Units only: the day ("yyyy-mm-dd") whose units to offer, each on its path then (today when absent). */
  asOf?: string;
  selected: Choice | null;
  /** Text to show when nothing is chosen (what was typed and not found). */
  text?: string | null;
  required?: boolean;
  describedBy?: string;
  className?: string;
  /** Told when an option is picked, or the pick is undone by typing. */
  onChange?: (choice: Choice | null) => void;
}

const PAGE = 20;
const PAUSE_MS = 250;
const noSubscription = () => () => {};

export function ChoiceBox({ id, name, textName, source, levels, asOf, selected: initial, text: initialText, required, describedBy, className, onChange: onPick }: ChoiceBoxProps) {
  const t = useTranslations("choices");
  const listId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  // False in the server's HTML (a plain text field), true once the script runs: only then is it a combobox.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const [selected, setSelected] = useState<Choice | null>(initial);
  const [text, setText] = useState(initial?.label ?? initialText ?? "");
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Choice[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The query the list shows: typed text, or "" for the first choices when the field shows the chosen label.
  const [shownQuery, setShownQuery] = useState<string | null>(null);

  const load = useCallback(
    (query: string, cursor: string | null) => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setState("loading");
      const params = new URLSearchParams({ q: query, limit: String(PAGE) });
      if (cursor) params.set("cursor", cursor);
      if (levels?.length) params.set("levels", levels.join(","));
      if (asOf) params.set("asOf", asOf);
      fetch(`/api/choices/${source}?${params}`, { signal: controller.signal, headers: { accept: "application/json" } })
        .then(async (res) => {
          if (!res.ok) throw new Error(String(res.status));
          return (await res.json()) as ChoicePage;
        })
        .then((page) => {
          if (controller.signal.aborted) return;
          setShownQuery(query);
          setItems((before) => (cursor ? [...before, ...page.items] : page.items));
          setNextCursor(page.nextCursor);
          setActive((before) => (cursor ? before : -1));
          setState("idle");
        })
        .catch(() => {
          if (!controller.signal.aborted) setState("error");
        });
    },
    [source, levels, asOf],
  );

  useEffect(
    () => () => {
      request.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // A picked option sends only its id: the text field is left out of the form's data while it shows the
  // chosen label. Anything else typed is sent, for the page to look up.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const onSubmit = () => {
      const field = input.current;
      if (!field || !selected || field.value !== selected.label) return;
      field.name = "";
      setTimeout(() => (field.name = textName), 0);
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [selected, textName]);

  const queryFor = (value: string) => (selected && value === selected.label ? "" : value);

  const openList = (value = text) => {
    setOpen(true);
    const query = queryFor(value);
    if (shownQuery !== query || state === "error") load(query, null);
  };

  const choose = (choice: Choice) => {
    setSelected(choice);
    onPick?.(choice);
    setText(choice.label);
    setOpen(false);
    setActive(-1);
  };

  const onChange = (value: string) => {
    setText(value);
    if (selected && value !== selected.label) {
      setSelected(null);
      onPick?.(null);
    }
    setOpen(true);
    setState("loading");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => load(value, null), PAUSE_MS);
  };

  const rows = items.length + (nextCursor ? 1 : 0);
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) openList();
        else setActive((a) => Math.min(a + 1, rows - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (open) setActive((a) => Math.max(a - 1, 0));
        break;
      case "Enter":
        if (open && active >= 0 && active < items.length) {
          event.preventDefault();
          choose(items[active]);
        } else if (open && active === items.length && nextCursor) {
          event.preventDefault();
          load(shownQuery ?? "", nextCursor);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (selected && text !== selected.label) {
          event.preventDefault();
          setText(selected.label);
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  };

  // Keep the active option in view as the arrow keys move through a long list.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  const status =
    state === "loading"
      ? t("loading")
      : state === "error"
        ? t("error")
        : open && items.length === 0 && shownQuery !== null
          ? t(shownQuery.trim() === "" ? "typeToSearch" : "empty")
          : open && items.length > 0
            ? t(nextCursor ? "countMore" : "count", { count: items.length })
            : "";

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="relative">
      <input type="hidden" name={name} value={selected ? String(selected.id) : ""} />
      <input
        ref={input}
        id={id}
        name={textName}
        type="text"
        value={text}
        required={required}
        autoComplete="off"
        spellCheck={false}
        placeholder={t("placeholder")}
        aria-describedby={[describedBy, enhanced ? statusId : undefined].filter(Boolean).join(" ") || undefined}
        {...(enhanced
          ? {
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": open,
              "aria-controls": listId,
              "aria-activedescendant": open && active >= 0 ? optionId(active) : undefined,
            }
          : {})}
        className={className}
        onChange={(e) => onChange(e.target.value)}
        onFocus={() => openList()}
        onClick={() => !open && openList()}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {enhanced && (
        <>
          <ul
            id={listId}
            role="listbox"
            aria-label={t("list")}
            hidden={!open || rows === 0}
            className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-stone-300 bg-white py-1 shadow-lg"
          >
            {items.map((item, i) => (
              <li
                key={item.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-700 text-white" : "hover:bg-stone-100"}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(item);
                }}
                onMouseMove={() => setActive(i)}
              >
                <span className="block">{item.label}</span>
                {item.detail && <span className={`block text-xs ${i === active ? "text-white" : "text-stone-600"}`}>{item.detail}</span>}
              </li>
            ))}
            {nextCursor && (
              <li
                id={optionId(items.length)}
                role="option"
                aria-selected={active === items.length}
                className={`cursor-pointer px-3 py-2 text-sm font-medium ${active === items.length ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-stone-100"}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  load(shownQuery ?? "", nextCursor);
                }}
              >
                {t("more")}
              </li>
            )}
          </ul>
          <p id={statusId} role="status" aria-live="polite" className={status && open ? "mt-1 text-xs text-stone-600" : "sr-only"}>
            {status}
          </p>
        </>
      )}
    </div>
  );
}
