/**
 * Templates: the items a new board starts with, built from the workshop's
 * definition (its countries with their phases, its objectives). Item ids are
 * derived from the template, so filling twice (two nodes, a retry) gives the
 * same document, not duplicates.
 *
 *   synergy   first-phase countries on one side, second-phase on the other,
 *             the objectives as lanes between them
 *   patterns  origin, transit and destination areas joined by route connectors
 *   workplan  one column per country, one row (lane) per objective
 */
import type * as Y from 'yjs';
import type { WorkshopDefinition } from '../workshop/model.js';
import { BoardDoc, type BoardItem } from './boardDoc.js';
import type { BoardTemplate } from './model.js';

const card = { w: 200, h: 56 };
const gap = 16;

/** The items of a template for this workshop. */
export function templateItems(template: BoardTemplate, def: Pick<WorkshopDefinition, 'countries' | 'objectives'>): BoardItem[] {
  switch (template) {
    case 'blank':
      return [];
    case 'synergy':
      return synergyMap(def);
    case 'patterns':
      return patternsMap();
    case 'workplan':
      return workplanCanvas(def);
  }
}

/** Fills an empty board document from its template, once; returns whether it did. */
export function fillFromTemplate(doc: Y.Doc, template: BoardTemplate, def: Pick<WorkshopDefinition, 'countries' | 'objectives'>, origin: unknown = null): boolean {
  const board = new BoardDoc(doc);
  if (board.meta.get('filled') === true) return false;
  doc.transact(() => {
    for (const item of templateItems(template, def)) {
      const { id, ...data } = item;
      if (!board.has(id)) board.add(id, data);
    }
    board.meta.set('template', template);
    board.meta.set('filled', true);
  }, origin);
  return true;
}

function synergyMap(def: Pick<WorkshopDefinition, 'countries' | 'objectives'>): BoardItem[] {
  const phase1 = def.countries.filter((c) => c.phases.includes(1));
  const phase2 = def.countries.filter((c) => c.phases.includes(2));
  const laneH = 160;
  const lanesX = 300;
  const lanesW = 1200;
  const height = Math.max(def.objectives.length * (laneH + gap), Math.max(phase1.length, phase2.length) * (card.h + gap)) + 80;
  const items: BoardItem[] = [
    { id: 'frame-phase1', kind: 'frame', x: 0, y: 0, w: card.w + 2 * 20, h: height, title: '', tag: 'phase1', color: 'blue' },
    { id: 'frame-phase2', kind: 'frame', x: lanesX + lanesW + 60, y: 0, w: card.w + 2 * 20, h: height, title: '', tag: 'phase2', color: 'green' },
  ];
  phase1.forEach((c, i) => {
    items.push({ id: `country-1-${c.code}`, kind: 'country', country: c.code, phase: 1, x: 20, y: 60 + i * (card.h + gap), ...size(card), frame: 'frame-phase1', color: 'blue' });
  });
  phase2.forEach((c, i) => {
    items.push({ id: `country-2-${c.code}`, kind: 'country', country: c.code, phase: 2, x: lanesX + lanesW + 80, y: 60 + i * (card.h + gap), ...size(card), frame: 'frame-phase2', color: 'green' });
  });
  def.objectives.forEach((o, i) => {
    items.push({ id: `lane-${o.id}`, kind: 'lane', objective: o.id, title: o.short, x: lanesX, y: 40 + i * (laneH + gap), w: lanesW, h: laneH, color: laneColor(i) });
  });
  return items;
}

function patternsMap(): BoardItem[] {
  const w = 480;
  const h = 640;
  const areas = [
    { id: 'area-origin', tag: 'origin', color: 'orange' },
    { id: 'area-transit', tag: 'transit', color: 'purple' },
    { id: 'area-destination', tag: 'destination', color: 'teal' },
  ] as const;
  const items: BoardItem[] = areas.map((a, i) => ({ id: a.id, kind: 'frame', x: i * (w + 120), y: 0, w, h, title: '', tag: a.tag, color: a.color }));
  items.push(
    { id: 'route-origin-transit', kind: 'connector', from: 'area-origin', to: 'area-transit', label: '', link: 'route', x: 0, y: 0, w: 8, h: 8 },
    { id: 'route-transit-destination', kind: 'connector', from: 'area-transit', to: 'area-destination', label: '', link: 'route', x: 0, y: 0, w: 8, h: 8 },
  );
  return items;
}

function workplanCanvas(def: Pick<WorkshopDefinition, 'countries' | 'objectives'>): BoardItem[] {
  const colW = card.w + 2 * gap;
  const rowH = 180;
  const left = 220;
  const items: BoardItem[] = [];
  def.countries.forEach((c, i) => {
    items.push({ id: `country-${c.code}`, kind: 'country', country: c.code, x: left + i * colW + gap, y: 0, ...size(card), color: c.phases.includes(2) ? 'green' : 'blue' });
  });
  const width = left + def.countries.length * colW;
  def.objectives.forEach((o, i) => {
    items.push({ id: `lane-${o.id}`, kind: 'lane', objective: o.id, title: o.short, x: 0, y: card.h + gap + i * (rowH + gap), w: width, h: rowH, color: laneColor(i) });
  });
  return items;
}

const size = (s: { w: number; h: number }) => ({ w: s.w, h: s.h });
const laneColors = ['yellow', 'orange', 'pink', 'purple', 'blue', 'teal'] as const;
const laneColor = (i: number) => laneColors[i % laneColors.length]!;
