/** Parsed money and quantity cells of the same sample rows, position by position (null: blank or unreadable). */
export interface AmountSample {
  quantity: readonly (number | null)[];
  unitPrice: readonly (number | null)[];
  /** Absent when the file has no amount column. */
  amount?: readonly (number | null)[];
  /** Each row's invoice (order) id, when the file has one. */
  invoice?: readonly (string | null)[];
  /** Each row's product (code, else name), when the file has one. */
  product?: readonly (string | null)[];
}

export interface AmountDecision {
  /**
   * `lineTotal`: quantity × price is the amount on most rows that carry all three. `orderTotal`: an order's lines
   * repeat one amount although their quantity × price differ. `unknown`: neither (discounts, taxes, no amount column).
   */
  amountIs: 'lineTotal' | 'orderTotal' | 'unknown';
  /**
   * `lineTotal`: for the same product, the price grows with the quantity (price ÷ quantity stays put), so it is
   * what the line cost, not what one unit cost. `unitPrice`: it stays put while the quantity changes, or quantity ×
   * price is the amount on most rows. `unknown`: nothing in the sample shows which.
   */
  unitPriceIs: 'unitPrice' | 'lineTotal' | 'unknown';
  /** The amount and the price are the same number on most rows whose quantity is not 1: one column is mislabelled. */
  amountEqualsPrice: boolean;
  /** Rows with quantity, price and amount, and how many of them have quantity × price = amount. */
  compared: number;
  matched: number;
  /** Orders of two or more lines whose quantity × price differ, and how many of them repeat one amount on each. */
  ordersCompared: number;
  ordersRepeatingAmount: number;
}

/**
 * Tells what a file's money columns hold: whether the amount column is each line's total (not to be multiplied by
 * the quantity again), each order's total repeated on its lines, or neither; and whether a column taken for the
 * unit price is really a line total. Quantity × price matching the amount on most rows is proof of a line total;
 * values agree within a cent or 0.5 %, the rounding of exports that round each figure on its own.
 * Blank, unreadable and non-finite values are left out. Inputs are not mutated.
 *
 * Cost: O(rows) time and memory (a product's sales are compared pairwise, at most SALES_PER_PRODUCT of them).
 * @example decideAmountColumns({ quantity: [2, 3], unitPrice: [1.5, 2], amount: [3, 6] }).amountIs // 'lineTotal'
 * @example decideAmountColumns({ quantity: [1, 2], unitPrice: [10, 4], amount: [18, 18], invoice: ['A', 'A'] }).amountIs // 'orderTotal'
 */
export function decideAmountColumns(sample: AmountSample): AmountDecision {
  const rows = sample.quantity.map((_, i) => ({
    quantity: finite(sample.quantity[i]),
    unitPrice: finite(sample.unitPrice[i]),
    amount: finite(sample.amount?.[i]),
    invoice: sample.invoice?.[i] ?? null,
    product: sample.product?.[i] ?? null,
  }));
  let compared = 0;
  let matched = 0;
  let multiUnit = 0;
  let sameAsPrice = 0;
  for (const { quantity, unitPrice, amount } of rows) {
    if (quantity === null || unitPrice === null || amount === null) continue;
    compared++;
    if (agrees(quantity * unitPrice, amount)) matched++;
    if (quantity !== 0 && Math.abs(quantity) !== 1) {
      multiUnit++;
      if (agrees(unitPrice, amount)) sameAsPrice++;
    }
  }
  const orders = compareOrders(rows);
  const byProduct = priceAgainstQuantity(rows);
  const lineTotal = compared > 0 && matched * 2 > compared;
  const orderTotal = orders.compared > 0 && orders.repeating * 2 > orders.compared;
  const amountEqualsPrice = !lineTotal && multiUnit > 0 && sameAsPrice * 2 > multiUnit;
  const unitPriceIs = lineTotal && multiUnit > 0 ? 'unitPrice' : byProduct;
  let amountIs: AmountDecision['amountIs'] = 'unknown';
  if (orderTotal) amountIs = 'orderTotal';
  else if (lineTotal || (amountEqualsPrice && unitPriceIs === 'lineTotal')) amountIs = 'lineTotal';
  return {
    amountIs,
    unitPriceIs,
    amountEqualsPrice,
    compared,
    matched,
    ordersCompared: orders.compared,
    ordersRepeatingAmount: orders.repeating,
  };
}

interface SampleRow {
  quantity: number | null;
  unitPrice: number | null;
  amount: number | null;
  invoice: string | null;
  product: string | null;
}

function finite(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/** Within a cent, or 0.5 % of the larger value. */
function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.01, 0.005 * Math.max(Math.abs(a), Math.abs(b)));
}

function allAgree(values: readonly number[]): boolean {
  return values.every((value) => agrees(value, values[0]!));
}

/**
 * Orders of two or more lines whose quantity × price differ: on those a line total differs from line to line, while
 * an order total is one number on every line that carries it (Shopify writes it on the first line only).
 */
function compareOrders(rows: readonly SampleRow[]): { compared: number; repeating: number } {
  const byInvoice = new Map<string, SampleRow[]>();
  for (const row of rows) {
    if (row.invoice === null || row.quantity === null || row.unitPrice === null) continue;
    const lines = byInvoice.get(row.invoice);
    if (lines === undefined) byInvoice.set(row.invoice, [row]);
    else lines.push(row);
  }
  let compared = 0;
  let repeating = 0;
  for (const lines of byInvoice.values()) {
    const lineValues = lines.map((line) => line.quantity! * line.unitPrice!);
    if (lines.length < 2 || allAgree(lineValues)) continue;
    const amounts = lines.flatMap((line) => (line.amount === null ? [] : [line.amount]));
    if (amounts.length === 0) continue;
    compared++;
    const mismatched = lines.some((line, i) => line.amount !== null && !agrees(lineValues[i]!, line.amount));
    if (allAgree(amounts) && mismatched) repeating++;
  }
  return { compared, repeating };
}

/**
 * For products sold in different quantities: a unit price mostly stays put (Online Retail charges walk-in buyers
 * more, so not always), while a line total divided by the quantity does. A product votes for whichever of the two
 * more of its sales share; most products that vote must agree for a verdict.
 */
function priceAgainstQuantity(rows: readonly SampleRow[]): AmountDecision['unitPriceIs'] {
  const byProduct = new Map<string, { quantity: number; price: number }[]>();
  for (const row of rows) {
    if (row.product === null || row.quantity === null || row.unitPrice === null) continue;
    if (row.quantity === 0 || row.unitPrice <= 0) continue;
    const sale = { quantity: Math.abs(row.quantity), price: row.unitPrice };
    const sales = byProduct.get(row.product);
    if (sales === undefined) byProduct.set(row.product, [sale]);
    else if (sales.length < SALES_PER_PRODUCT) sales.push(sale);
  }
  let compared = 0;
  let steadyPrice = 0;
  let steadyPerUnit = 0;
  for (const sales of byProduct.values()) {
    if (new Set(sales.map((sale) => sale.quantity)).size < 2) continue;
    compared++;
    const price = largestAgreeingShare(sales.map((sale) => sale.price));
    const perUnit = largestAgreeingShare(sales.map((sale) => sale.price / sale.quantity));
    if (price > perUnit) steadyPrice++;
    else if (perUnit > price) steadyPerUnit++;
  }
  if (steadyPrice * 2 > compared) return 'unitPrice';
  if (steadyPerUnit * 2 > compared) return 'lineTotal';
  return 'unknown';
}

/** Sales of one product compared, so that the pairwise count stays small. */
const SALES_PER_PRODUCT = 50;

/** The most values that agree with one of them. O(n²). */
function largestAgreeingShare(values: readonly number[]): number {
  let best = 0;
  for (const value of values) {
    let agreeing = 0;
    for (const other of values) if (agrees(other, value)) agreeing++;
    best = Math.max(best, agreeing);
  }
  return best;
}
