/** One item read from a cell that packs an order's items (BigCommerce's `Product Details`). */
export interface PackedItem {
  sku: string | null;
  name: string | null;
  quantity: number | null;
  unitPrice: number | null;
  total: number | null;
}

/** `Product Qty: 2` and friends: the keys BigCommerce writes, so a comma inside a product name does not split it. */
const KEY = /(?:^|,\s*)(Product [A-Za-z ]+?):\s*/g;

/**
 * The items of a packed cell: items separated by `|`, each `Product ID: 100, Product Qty: 2, Product SKU: MUG-CER,
 * Product Name: Ceramic Mug, …, Product Unit Price: 12.50, Product Total Price: 25.00`. An item without a quantity
 * or a price it can read is left out; an empty list means the cell could not be read. O(length).
 * @example packedItems('Product Qty: 1, Product Name: Mug, Product Unit Price: 5, Product Total Price: 5')[0].total // 5
 */
export function packedItems(cell: string, readMoney: (text: string) => number | null): PackedItem[] {
  const items: PackedItem[] = [];
  for (const part of cell.split('|')) {
    const fields = keyedFields(part);
    const quantity = readMoney(fields.get('product qty') ?? fields.get('product quantity') ?? '');
    const unitPrice = readMoney(fields.get('product unit price') ?? '');
    const total = readMoney(fields.get('product total price') ?? '');
    const known = (value: number | null) => value !== null && !Number.isNaN(value);
    if (!known(total) && !(known(quantity) && known(unitPrice))) continue;
    items.push({
      sku: fields.get('product sku') || null,
      name: fields.get('product name') || null,
      quantity: known(quantity) ? quantity : null,
      unitPrice: known(unitPrice) ? unitPrice : null,
      total: known(total) ? total : null,
    });
  }
  return items;
}

function keyedFields(part: string): Map<string, string> {
  const fields = new Map<string, string>();
  const keys = [...part.matchAll(KEY)];
  keys.forEach((match, i) => {
    const valueStart = match.index + match[0].length;
    const valueEnd = i + 1 < keys.length ? keys[i + 1]!.index : part.length;
    fields.set(match[1]!.toLowerCase(), part.slice(valueStart, valueEnd).trim());
  });
  return fields;
}
