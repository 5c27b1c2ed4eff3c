// The few DOM members the HTML importer reads, typed here: the core compiles without the DOM
// library (tsconfig.core.json), and linkedom's documents provide these.

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  head: DomElement | null;
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

export const ELEMENT = 1;
export const TEXT = 3;
export const COMMENT = 8;

export const isElement = (n: DomNode): n is DomElement => n.nodeType === ELEMENT;
export const tagOf = (n: DomNode) => n.nodeName.toLowerCase();
