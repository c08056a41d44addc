// The trip planner page: posts the form to /trips/plan/stream and renders the server-sent events as they come.
// No framework and no build step; text is always inserted with textContent, never as HTML.

const interestTags = [
  "history",
  "culture",
  "art",
  "architecture",
  "food",
  "nature",
  "adventure",
  "relaxation",
  "beach",
  "shopping",
  "nightlife",
  "music",
  "photography",
  "family",
];
const form = document.getElementById("trip-form");
const formErrors = document.getElementById("form-errors");
const statusLine = document.getElementById("status");
const daysElement = document.getElementById("days");
const totalsElement = document.getElementById("totals");
const narrative = document.getElementById("narrative");
const narrativeStream = document.getElementById("narrative-stream");

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

for (const tag of interestTags) {
  const label = element("label");
  const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "interests", value: tag });
  box.checked = tag === "history" || tag === "food";
  label.append(box, tag);
  document.getElementById("interests").append(label);
}
form.start_date.value = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

function requestBody() {
  return {
    destination: form.destination.value,
    start_date: form.start_date.value,
    duration_days: form.duration_days.value === "" ? undefined : Number(form.duration_days.value),
    traveler_type: form.traveler_type.value,
    budget_range: form.budget_range.value,
    interests: [...form.querySelectorAll("input[name=interests]:checked")].map((box) => box.value),
  };
}

function showErrors(detail) {
  formErrors.replaceChildren();
  const list = element("ul");
  const items = Array.isArray(detail) ? detail : [{ loc: [], msg: String(detail) }];
  for (const item of items) {
    const field = item.loc.filter((part) => part !== "body").join(".");
    list.append(element("li", field ? `${field}: ${item.msg}` : item.msg));
  }
  formErrors.append(list);
  formErrors.hidden = false;
}

function activityText(activity) {
  if (!activity) return "—";
  const price = activity.cost > 0 ? ` · $${activity.cost}` : "";
  return `${activity.start} ${activity.name}${activity.indoor ? " (indoor)" : ""}${price}`;
}

function renderDay(day) {
  const card = element("section", undefined, "day");
  card.dataset.day = String(day.day);
  card.append(element("h3", `Day ${day.day} · ${day.date}`));
  const w = day.weather;
  card.append(element("div", `${w.condition}, ${w.low_c}–${w.high_c} °C (synthetic weather)`, "weather"));
  const list = element("dl");
  const slots = [
    ["Morning", day.morning],
    ["Lunch", day.lunch],
    ["Afternoon", day.afternoon],
    ["Dinner", day.dinner],
  ];
  if (day.evening) slots.push(["Evening", day.evening]);
  slots.push(["If it rains", day.bad_weather_backup]);
  for (const [label, activity] of slots) list.append(element("dt", label), element("dd", activityText(activity)));
  card.append(list);
  card.append(element("p", `Wear: ${day.what_to_wear.join(", ")}`, "wear"));
  card.append(element("p", `Estimated cost: $${day.estimated_cost.total}`, "cost"));
  daysElement.append(card);
}

function renderTotals(totals) {
  totalsElement.replaceChildren(
    element("h2", `Total: $${totals.total}`),
    element("p", `$${totals.per_person} per person · $${totals.per_day} per day · ${totals.travelers} traveller(s)`),
    element(
      "p",
      `Lodging $${totals.lodging} · meals $${totals.meals} · transport $${totals.transport} · activities $${totals.activities}`,
    ),
  );
  totalsElement.hidden = false;
}

function renderNarrative(value) {
  document.getElementById("narrative-title").textContent = value.title;
  document.getElementById("narrative-summary").textContent = value.summary;
  narrativeStream.hidden = true;
  value.day_tips.forEach((tip, index) => {
    const card = daysElement.querySelector(`[data-day="${index + 1}"]`);
    if (card) card.append(element("p", `Tip: ${tip}`, "wear"));
  });
}

const handlers = {
  day(day) {
    renderDay(day);
    statusLine.textContent = `Planned ${daysElement.children.length} of ${form.duration_days.value} days…`;
  },
  totals: renderTotals,
  "narrative-delta"({ text }) {
    narrative.hidden = false;
    narrativeStream.hidden = false;
    narrativeStream.textContent += text;
    statusLine.textContent = "The model is writing…";
  },
  narrative: renderNarrative,
  done({ id, model }) {
    const placeholder = model.startsWith("offline:")
      ? " (offline placeholder text; set DANA_MODEL for a real model)"
      : "";
    statusLine.textContent = `Plan saved: ${id} · narrative by ${model}${placeholder}`;
    statusLine.dataset.planId = id;
  },
  error({ detail }) {
    statusLine.textContent = "";
    showErrors(detail);
  },
};

/** Splits the response body into server-sent events (fetch, because EventSource cannot POST). */
async function readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let boundary = buffer.indexOf("\n\n");
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      handlers[event]?.(JSON.parse(data));
      boundary = buffer.indexOf("\n\n");
    }
  }
}

let current = null;
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  current?.abort();
  current = new AbortController();
  formErrors.hidden = true;
  daysElement.replaceChildren();
  totalsElement.hidden = true;
  narrative.hidden = true;
  narrativeStream.textContent = "";
  delete statusLine.dataset.planId;
  statusLine.textContent = "Planning…";
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    const response = await fetch("/trips/plan/stream", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(requestBody()),
      signal: current.signal,
    });
    if (!response.ok) {
      statusLine.textContent = "";
      showErrors((await response.json()).detail);
      return;
    }
    await readEvents(response);
  } catch (error) {
    if (error.name !== "AbortError") showErrors(`Connection failed: ${error.message}`);
  } finally {
    button.disabled = false;
  }
});
