/**
 * The cadre list page as its server components build it (decision 029): the unit filter is a choice box that
 * loads units on demand, not a list of every unit above village level (12,000 options for the nation), and the
 * list follows the unit chosen, by id or by text typed without JavaScript.
 */
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ChoiceBox } from "@/components/choices/choice-box";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { actorAt, buildTree, createUser, uid, type Tree } from "../support/factories";

const state = vi.hoisted(() => ({ actor: null as import("@/lib/auth/actor").Actor | null }));
vi.mock("@/lib/auth/current", async () => {
  const { notFound } = await import("next/navigation");
  const { allows } = await import("@/lib/auth/roles");
  return {
    getActor: async () => state.actor,
    requireActor: async () => state.actor!,
    requirePermission: async (permission: Parameters<typeof allows>[1]) => {
      if (!state.actor || !allows(state.actor, permission)) notFound();
      return state.actor!;
    },
  };
});
vi.mock("next-intl/server", async (importOriginal) => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/vi.json")).default;
  return {
    ...(await importOriginal<object>()),
    getTranslations: async (arg?: string | { namespace?: string }) =>
      createTranslator({ locale: "vi", messages, namespace: (typeof arg === "string" ? arg : arg?.namespace) as never, onError: () => {} }),
  };
});

interface Built {
  type: unknown;
  props: Record<string, unknown>;
}

/**
 * The page's tree with its server components called and awaited; host elements and client components
 * (ChoiceBox, Link) are listed with their props, not run. Text is gathered in reading order.
 */
async function build(node: unknown, out: Built[] = [], text: string[] = []): Promise<{ elements: Built[]; text: string }> {
  if (node === null || node === undefined || typeof node === "boolean") return { elements: out, text: text.join("") };
  if (typeof node === "string" || typeof node === "number") {
    text.push(String(node));
  } else if (node instanceof Promise) {
    await build(await node, out, text);
  } else if (Array.isArray(node)) {
    for (const child of node) await build(child, out, text);
  } else if (isValidElement(node)) {
    const element = node as ReactElement<Record<string, unknown>>;
    const props = element.props ?? {};
    const type = element.type;
    const serverComponent = typeof type === "function" && type !== ChoiceBox && type.constructor.name === "AsyncFunction";
    if (serverComponent) {
      await build((type as (p: unknown) => Promise<ReactNode>)(props), out, text);
    } else {
      out.push({ type, props });
      await build(props.children, out, text);
    }
  }
  return { elements: out, text: text.join(" ") };
}

let tree: Tree;
let admin: Actor;
const cadres: Record<"a" | "b", number[]> = { a: [], b: [] };
const tag = uid();

async function renderList(searchParams: Record<string, string>) {
  state.actor = admin;
  const { default: CadresPage } = await import("@/app/(app)/cadres/page");
  return build(await CadresPage({ searchParams: Promise.resolve(searchParams) }));
}

const shownCadres = (elements: Built[]) =>
  elements.flatMap((e) => {
    const m = typeof e.props.href === "string" ? /^\/cadres\/(\d+)$/.exec(e.props.href) : null;
    return m ? [Number(m[1])] : [];
  });

beforeAll(async () => {
  tree = await buildTree();
  admin = actorAt(tree.nation, "ADMIN", (await createUser(tree.nation, "ADMIN")).id);
  for (const [side, unit] of [
    ["a", tree.villageA1],
    ["a", tree.communeA],
    ["b", tree.villageB1],
  ] as const) {
    const c = await db.cadre.create({ data: { fullName: `Lê Văn Lọc ${tag} ${side}`, searchName: `le van loc ${tag} ${side}`, gender: "MALE", unitId: unit.id } });
    cadres[side].push(c.id);
  }
});

describe("the cadre list page of a national administrator", () => {
  it("offers the unit as a choice box that finds units on demand, not a list of every unit", async () => {
    const { elements } = await renderList({ q: tag });
    const boxes = elements.filter((e) => e.type === ChoiceBox);
    expect(boxes).toHaveLength(1);
    expect(boxes[0].props).toMatchObject({ name: "unit", textName: "unitText", source: "units", selected: null });
    // The other filters' few options only (status 3, party 3, order 2): no unit is listed with the page.
    expect(elements.filter((e) => e.type === "option")).toHaveLength(8);
    expect(elements.some((e) => e.type === "select" && e.props.name === "unit")).toBe(false);
    expect(shownCadres(elements).sort()).toEqual([...cadres.a, ...cadres.b].sort());
  });

  it("lists the cadres of the unit chosen in the box (its id), and shows it as chosen", async () => {
    const { elements, text } = await renderList({ q: tag, unit: String(tree.districtA.id) });
    expect(elements.find((e) => e.type === ChoiceBox)?.props.selected).toMatchObject({ id: tree.districtA.id, label: `Huyện ${tree.districtA.name}` });
    expect(shownCadres(elements).sort()).toEqual([...cadres.a].sort());
    expect(text).toContain("2 cán bộ");
  });

  it("without JavaScript, takes the best match of the text typed and says so; text that matches nothing filters nothing", async () => {
    const typed = await renderList({ q: tag, unitText: `tan tien ${tree.communeB.name.split(" ").at(-1)}` });
    expect(typed.elements.find((e) => e.type === ChoiceBox)?.props.selected).toMatchObject({ id: tree.communeB.id });
    expect(typed.text).toContain(`Đã chọn “Xã ${tree.communeB.name}”`);
    expect(shownCadres(typed.elements)).toEqual(cadres.b);

    const nothing = await renderList({ q: tag, unitText: "khong co noi nay" });
    expect(nothing.text).toContain("Không tìm thấy “khong co noi nay”");
    expect(shownCadres(nothing.elements).sort()).toEqual([...cadres.a, ...cadres.b].sort());
  });

  it("pages with a cursor: the next page's link carries it and the filters, the first-page link drops it", async () => {
    const more = uid();
    for (let i = 0; i < 51; i++) await db.cadre.create({ data: { fullName: `Hà Văn ${more} ${i}`, searchName: `ha van ${more} ${String(i).padStart(2, "0")}`, unitId: tree.villageA2.id } });
    const first = await renderList({ q: more, unit: String(tree.communeA.id) });
    expect(shownCadres(first.elements)).toHaveLength(50);
    const next = first.elements.find((e) => typeof e.props.href === "string" && (e.props.href as string).includes("cursor="));
    expect(next?.props.href).toMatch(new RegExp(`^/cadres\\?q=${more}&unit=${tree.communeA.id}&cursor=[\\w-]+$`));
    const params = Object.fromEntries(new URL(next!.props.href as string, "http://x").searchParams);
    const second = await renderList(params);
    expect(shownCadres(second.elements)).toHaveLength(1);
    expect(second.text).toContain("51 cán bộ");
    const back = second.elements.find((e) => e.props.href === `/cadres?q=${more}&unit=${tree.communeA.id}`);
    expect(back).toBeDefined();
  });
});
