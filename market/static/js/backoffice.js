// The back office (issue 14): the admin's home. Stations, staff and user accounts, employers' bars, trades, and the
// admin log (which the labour bureau's supervisors read too); and the screen where anyone holding a temporary
// password sets their own.
import { api, qs, rememberUser, storedUser } from './api.js';
import { t, when } from './i18n.js';
import { act, badge, empty, failed, field, form, h, loading, show, toast } from './ui.js';

const SECTIONS = [['stations', 'bo_stations'], ['users', 'bo_users'], ['employers', 'bo_employers'],
  ['trades', 'bo_trades'], ['log', 'bo_log']];

function tabs(current, role) {
  const shown = role === 'admin' ? SECTIONS : SECTIONS.filter(([key]) => key === 'log');
  return h('nav', { class: 'tabs bo-tabs', 'aria-label': t('bo_title') }, ...shown.map(([key, label]) =>
    h('a', { href: `#/admin/${key}`, class: 'button', 'aria-current': key === current ? 'page' : null }, t(label))),
    role === 'admin' ? h('a', { href: '#/courses', class: 'button' }, t('co_nav')) : null);  // issue 14 (js/courses.js)
}

/** A small inline form asking for a reason before an act; `run(reason)` does it. */
function reasonForm(label, run) {
  return form({ class: 'bo-reason' }, [
    field(t('bo_reason'), 'reason', { maxlength: 500, required: true }),
    h('button', { type: 'submit' }, label),
  ], async (_, data) => { await run(data.reason.trim()); });
}

/** The temporary password, shown this once, with a way to copy it. */
function secretBox(name, password) {
  return h('div', { class: 'notice bo-secret', role: 'status' },
    h('p', {}, t('bo_temp_password_for', { name })),
    h('p', { class: 'bo-password' }, h('code', {}, password)),
    h('p', { class: 'hint' }, t('bo_temp_password_hint')));
}

// Stations ----------------------------------------------------------------------------------------------------------

function stationForm(station, done) {
  const s = station || {};
  return form({ class: 'bo-station' }, [
    field(t('bo_station_name'), 'name', { value: s.name || '', maxlength: 100, required: true }),
    field(t('bo_district'), 'district', { value: s.district || '', maxlength: 50 }),
    field(t('bo_address'), 'location', { value: s.address || '', maxlength: 200, required: true, name: 'address' }),
    h('div', { class: 'row' },
      field(t('bo_lat'), 'lat', { value: s.lat ?? '', inputmode: 'decimal', required: true }),
      field(t('bo_lon'), 'lon', { value: s.lon ?? '', inputmode: 'decimal', required: true })),
    field(t('bo_hours'), 'hours', { value: s.hours || '', maxlength: 100, placeholder: '周一至周六 8:00-18:00' }),
    field(t('bo_station_phone'), 'phone', { value: s.phone || '', maxlength: 20, inputmode: 'tel' }),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'confirm' }), t('bo_confirm_far')),
    h('button', { type: 'submit', class: 'primary' }, station ? t('save') : t('bo_station_create')),
  ], async (_, data) => {
    const body = { name: data.name.trim(), district: data.district.trim(), hours: data.hours.trim(),
      phone: data.phone.trim(), location: { address: data.address.trim(), lat: Number(data.lat), lon: Number(data.lon),
        confirm_far_position: !!data.confirm } };
    if (station) await api(`/api/admin/stations/${station.id}`, { method: 'PATCH', body });
    else await api('/api/admin/stations', { method: 'POST', body });
    toast(t('saved'));
    done();
  });
}

async function stations(main) {
  const list = h('ul', { class: 'cards' }, loading());
  const adder = h('details', { class: 'bo-add' }, h('summary', {}, t('bo_station_new')));
  main.append(adder, list);
  const load = async () => {
    adder.replaceChildren(h('summary', {}, t('bo_station_new')), stationForm(null, load));
    try {
      const page = await api('/api/admin/stations?limit=100');
      list.replaceChildren(...(page.items.length ? page.items.map((s) => {
        const edit = h('details', {}, h('summary', {}, t('bo_edit')), stationForm(s, load));
        const flip = reasonForm(s.open ? t('bo_close_station') : t('bo_reopen_station'), async (reason) => {
          await api(`/api/admin/stations/${s.id}`, { method: 'PATCH', body: { open: !s.open, reason } });
          toast(s.open ? t('bo_station_closed') : t('bo_station_reopened'));
          load();
        });
        return h('li', { class: 'card' },
          h('div', { class: 'row' }, h('h2', {}, s.name),
            badge(s.open ? t('bo_open') : t('bo_closed'), s.open ? 'open' : 'closed')),
          h('p', { class: 'meta' }, h('span', {}, s.district), h('span', {}, s.address)),
          h('p', { class: 'meta' }, h('span', {}, s.hours || '—'), h('span', {}, s.phone || '—'),
            h('span', {}, t('bo_staff_count', { n: s.staff_count }))),
          edit, h('details', {}, h('summary', {}, s.open ? t('bo_close_station') : t('bo_reopen_station')), flip));
      }) : [empty(t('bo_no_stations'))]));
    } catch (err) { list.replaceChildren(h('li', {}, failed(err, load))); }
  };
  await load();
}

// Accounts ----------------------------------------------------------------------------------------------------------

async function stationOptions() {
  const page = await api('/api/admin/stations?limit=100');
  return [['', t('bo_no_station')], ...page.items.filter((s) => s.open).map((s) => [s.id, s.name])];
}

function userCard(u, options, reload) {
  const card = h('li', { class: 'card' });
  const out = h('div', { class: 'bo-out' });
  const acts = [];
  acts.push(h('details', {}, h('summary', {}, u.active ? t('bo_deactivate') : t('bo_reactivate')),
    reasonForm(u.active ? t('bo_deactivate') : t('bo_reactivate'), async (reason) => {
      await api(`/api/admin/users/${u.id}/${u.active ? 'deactivate' : 'reactivate'}`, { method: 'POST', body: { reason } });
      toast(u.active ? t('bo_deactivated') : t('bo_reactivated'));
      reload();
    })));
  if (['staff', 'supervisor', 'admin'].includes(u.role)) {
    const reset = h('button', { type: 'button' }, t('bo_reset_password'));
    reset.addEventListener('click', act(reset, async () => {
      const answer = await api(`/api/admin/users/${u.id}/reset-password`, { method: 'POST' });
      out.replaceChildren(secretBox(u.name, answer.temporary_password));
    }));
    acts.push(reset);
  }
  if (u.role === 'staff') {
    acts.push(form({ class: 'bo-assign' }, [
      field(t('bo_station'), 'station_id', { tag: 'select', options, value: u.station_id ?? '' }),
      h('button', { type: 'submit' }, t('bo_assign')),
    ], async (_, data) => {
      await api(`/api/admin/users/${u.id}`, { method: 'PATCH', body: { station_id: data.station_id ? Number(data.station_id) : null } });
      toast(t('saved'));
      reload();
    }));
  }
  card.append(
    h('div', { class: 'row' }, h('h2', {}, u.name), badge(t(`bo_role_${u.role}`)),
      u.active ? null : badge(t('bo_inactive'), 'closed'), u.barred ? badge(t('bo_barred'), 'w-red') : null),
    h('p', { class: 'meta' }, h('span', {}, u.phone), u.station_name ? h('span', {}, u.station_name) : null,
      h('span', {}, when(u.created_at))),
    h('div', { class: 'actions bo-acts' }, ...acts), out);
  return card;
}

async function users(main, role, placeholder) {
  const options = role === 'employer' ? [] : await stationOptions();
  const list = h('ul', { class: 'cards' }, loading());
  const search = form({ class: 'bo-search', role: 'search' }, [
    field(t('bo_search'), 'q', { type: 'search', maxlength: 50, placeholder }),
    role ? null : field(t('bo_role'), 'role', { tag: 'select', options: [['', t('bo_all_roles')],
      ...['worker', 'employer', 'staff', 'supervisor', 'admin'].map((r) => [r, t(`bo_role_${r}`)])] }),
    h('button', { type: 'submit' }, t('bo_find')),
  ], async (_, data) => { await load({ q: data.q.trim(), role: role || data.role }); });
  let last = { role };
  const load = async (wanted = last) => {
    last = wanted;
    try {
      const page = await api(`/api/admin/users${qs({ ...wanted, limit: 50 })}`);
      list.replaceChildren(...(page.items.length ? page.items.map((u) => (role === 'employer'
        ? employerCard(u, () => load()) : userCard(u, options, () => load()))) : [empty(t('bo_no_users'))]));
    } catch (err) { list.replaceChildren(h('li', {}, failed(err, () => load()))); }
  };
  if (!role) {
    const made = h('div', {});
    const create = form({ class: 'bo-create' }, [
      field(t('phone'), 'phone', { inputmode: 'tel', maxlength: 20, required: true }),
      field(t('name'), 'name', { maxlength: 50, required: true }),
      field(t('bo_role'), 'role', { tag: 'select', options: [['staff', t('bo_role_staff')], ['supervisor', t('bo_role_supervisor')]] }),
      field(t('bo_station'), 'station_id', { tag: 'select', options }),
      h('button', { type: 'submit', class: 'primary' }, t('bo_create_staff')),
    ], async (el, data) => {
      const body = { phone: data.phone.trim(), name: data.name.trim(), role: data.role,
        station_id: data.role === 'staff' && data.station_id ? Number(data.station_id) : null };
      const answer = await api('/api/admin/users', { method: 'POST', body });
      made.replaceChildren(secretBox(answer.user.name, answer.temporary_password));
      el.reset();
      load();
    });
    main.append(h('details', { class: 'bo-add' }, h('summary', {}, t('bo_new_staff')), create, made));
  }
  main.append(search, list);
  await load();
}

function employerCard(u, reload) {
  const verb = u.barred ? 'unbar' : 'bar';
  return h('li', { class: 'card' },
    h('div', { class: 'row' }, h('h2', {}, u.name), u.barred ? badge(t('bo_barred'), 'w-red') : badge(t('bo_may_post'), 'paid')),
    h('p', { class: 'meta' }, h('span', {}, u.phone)),
    h('details', {}, h('summary', {}, t(`bo_${verb}`)), reasonForm(t(`bo_${verb}`), async (reason) => {
      await api(`/api/admin/employers/${u.id}/${verb}`, { method: 'POST', body: { reason } });
      toast(t(u.barred ? 'bo_unbarred' : 'bo_barred_done'));
      reload();
    })));
}

// Trades ------------------------------------------------------------------------------------------------------------

async function trades(main) {
  const list = h('ul', { class: 'cards' }, loading());
  const load = async (q = '') => {
    try {
      const page = await api(`/api/admin/trades${qs({ q, limit: 100 })}`);
      list.replaceChildren(...(page.items.length ? page.items.map((tr) => h('li', { class: 'card' },
        h('div', { class: 'row' }, h('h2', {}, `${tr.zh} · ${tr.en}`), h('code', {}, tr.code)),
        h('p', { class: 'meta' }, tr.synonyms.join('、') || '—'),
        tr.added.length ? h('p', { class: 'meta' }, t('bo_added', { names: tr.added.join('、') })) : null))
        : [empty(t('bo_no_trades'))]));
    } catch (err) { list.replaceChildren(h('li', {}, failed(err, () => load(q)))); }
  };
  const add = form({ class: 'bo-trade' }, [
    field(t('bo_trade_kind'), 'kind', { tag: 'select', options: [['synonym', t('bo_kind_synonym')], ['trade', t('bo_kind_trade')]] }),
    field(t('bo_trade_code'), 'trade', { maxlength: 40, required: true, placeholder: 'bricklayer' }, t('bo_trade_code_hint')),
    field(t('bo_trade_name'), 'name', { maxlength: 20, required: true, placeholder: '泥水佬' }),
    field(t('bo_trade_en'), 'en', { maxlength: 60 }),
    field(t('bo_related'), 'related_to', { maxlength: 40 }),
    h('button', { type: 'submit', class: 'primary' }, t('bo_add_trade')),
  ], async (el, data) => {
    const body = { kind: data.kind, trade: data.trade.trim(), name: data.name.trim() };
    if (data.kind === 'trade') {
      body.en = data.en.trim();
      if (data.related_to.trim()) body.related_to = data.related_to.trim();
    }
    const added = await api('/api/admin/trades', { method: 'POST', body });
    toast(t('bo_trade_added', { name: body.name, trade: added.zh }));
    el.reset();
    load(body.trade);
  });
  const search = form({ class: 'bo-search', role: 'search' }, [
    field(t('bo_search'), 'q', { type: 'search', maxlength: 50, placeholder: '电工' }),
    h('button', { type: 'submit' }, t('bo_find')),
  ], async (_, data) => { await load(data.q.trim()); });
  main.append(h('details', { class: 'bo-add' }, h('summary', {}, t('bo_add_trade')), add), search, list);
  await load();
}

// The admin log -----------------------------------------------------------------------------------------------------

function details(entry) {
  const d = entry.details || {};
  return Object.entries(d).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : value ?? '—'}`).join(' · ');
}

async function adminLog(main) {
  const list = h('ul', { class: 'cards bo-log' }, loading());
  const more = h('button', { type: 'button', hidden: true }, t('more'));
  let wanted = {};
  let offset = 0;
  const load = async (append = false) => {
    try {
      const page = await api(`/api/admin/log${qs({ ...wanted, limit: 30, offset })}`);
      const items = page.items.map((e) => h('li', { class: 'card' },
        h('div', { class: 'row' }, h('h2', {}, t(`bo_kind_${e.kind}`)), h('span', { class: 'meta' }, `#${e.seq}`)),
        h('p', { class: 'meta' }, h('span', {}, when(e.at)), h('span', {}, e.actor_name || '—'),
          h('span', {}, `${e.subject_kind} ${e.subject_id ?? ''}`)),
        h('p', {}, details(e))));
      if (append) list.append(...items);
      else list.replaceChildren(...(items.length ? items : [empty(t('bo_log_empty'))]));
      offset += page.items.length;
      more.hidden = offset >= page.total;
    } catch (err) { list.replaceChildren(h('li', {}, failed(err, () => load()))); }
  };
  more.addEventListener('click', act(more, () => load(true)));
  const kinds = ['station_created', 'station_changed', 'station_closed', 'station_reopened', 'staff_created',
    'staff_assigned', 'password_reset', 'user_deactivated', 'user_reactivated', 'employer_barred',
    'employer_unbarred', 'trade_added', 'synonym_added', 'course_created', 'course_changed'];
  const filter = form({ class: 'bo-search' }, [
    field(t('bo_log_kind'), 'kind', { tag: 'select', options: [['', t('bo_all_kinds')], ...kinds.map((k) => [k, t(`bo_kind_${k}`)])] }),
    h('div', { class: 'row' }, field(t('bo_since'), 'since', { type: 'date' }), field(t('bo_until'), 'until', { type: 'date' })),
    h('button', { type: 'submit' }, t('bo_find')),
  ], async (_, data) => {
    wanted = { kind: data.kind, since: data.since, until: data.until };
    offset = 0;
    await load();
  });
  main.append(filter, list, more);
  await load();
}

/** `#/admin[/section]`: the back office; a supervisor sees only the log. */
export async function backoffice({ params, user }) {
  const section = user.role === 'admin' ? params[0] || 'stations' : 'log';
  const main = h('div', { class: 'bo' });
  show(t('bo_title'), h('h1', {}, t('bo_title')), tabs(section, user.role), main);
  const screens = { stations, users: (el) => users(el, '', t('bo_search_hint')),
    employers: (el) => users(el, 'employer', t('bo_search_hint')), trades, log: adminLog };
  await screens[section](main);
}

/** `#/password`: set your own password, the current (or temporary) one first. */
export async function changePassword({ home }) {
  const user = storedUser();
  show(t('bo_password_title'), h('h1', {}, t('bo_password_title')),
    user && user.must_change_password ? h('p', { class: 'notice' }, t('bo_password_must')) : null,
    form({ class: 'bo-password-form' }, [
      field(t('bo_current_password'), 'current_password', { type: 'password', autocomplete: 'current-password', required: true }),
      field(t('bo_new_password'), 'password', { type: 'password', autocomplete: 'new-password', required: true, minlength: 8 },
        t('password_hint')),
      h('button', { type: 'submit', class: 'primary' }, t('save')),
    ], async (_, data) => {
      const answer = await api('/api/auth/password', { method: 'POST', body: data });
      rememberUser(answer.user);
      toast(t('bo_password_changed'));
      location.hash = home[answer.user.role] || '#/';
    }));
}
