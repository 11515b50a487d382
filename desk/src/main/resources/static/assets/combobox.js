// The tag and author fields' suggestions (ARIA combobox with a listbox): htmx fills the list as the
// person types; this file moves through it with the arrow keys, chooses with Enter or a click
// (replacing the word being typed after the last comma) and closes it with Escape. Without
// JavaScript the fields are plain comma-separated text.
(function () {
	'use strict';

	function listOf(input) {
		return document.getElementById(input.getAttribute('aria-controls'));
	}

	function optionsOf(list) {
		return list && !list.hidden ? Array.from(list.querySelectorAll('[role=option]')) : [];
	}

	function sync(input) {
		const open = optionsOf(listOf(input)).length > 0;
		input.setAttribute('aria-expanded', String(open));
		if (!open) {
			input.removeAttribute('aria-activedescendant');
		}
	}

	function close(input) {
		const list = listOf(input);
		if (list) {
			list.hidden = true;
		}
		sync(input);
	}

	function choose(input, option) {
		const comma = input.value.lastIndexOf(',');
		const before = comma < 0 ? '' : input.value.slice(0, comma + 1) + ' ';
		input.value = before + option.dataset.value + ', ';
		close(input);
		input.focus();
		// the editor's autosave and word count listen for input
		input.dispatchEvent(new Event('input', { bubbles: true }));
	}

	function move(input, step) {
		const all = optionsOf(listOf(input));
		if (all.length === 0) {
			return;
		}
		const current = all.findIndex(o => o.id === input.getAttribute('aria-activedescendant'));
		const next = current < 0 ? (step > 0 ? 0 : all.length - 1) : (current + step + all.length) % all.length;
		all.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
		input.setAttribute('aria-activedescendant', all[next].id);
		all[next].scrollIntoView({ block: 'nearest' });
	}

	function isCombobox(element) {
		return element instanceof HTMLInputElement && element.getAttribute('role') === 'combobox';
	}

	document.addEventListener('keydown', event => {
		const input = event.target;
		if (!isCombobox(input)) {
			return;
		}
		const open = optionsOf(listOf(input)).length > 0;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			const list = listOf(input);
			if (!open && list && list.querySelector('[role=option]')) {
				// closed on leaving the field, or with Escape: the arrow keys open it again
				list.hidden = false;
				sync(input);
			}
			if (optionsOf(list).length > 0) {
				event.preventDefault();
				move(input, event.key === 'ArrowDown' ? 1 : -1);
			}
		}
		else if (event.key === 'Enter' && open && input.getAttribute('aria-activedescendant')) {
			event.preventDefault();
			choose(input, document.getElementById(input.getAttribute('aria-activedescendant')));
		}
		else if (event.key === 'Escape' && open) {
			event.preventDefault();
			close(input);
		}
	});

	// mousedown, not click: the field keeps its focus, so choosing does not look like leaving it
	document.addEventListener('mousedown', event => {
		const option = event.target.closest ? event.target.closest('[role=option]') : null;
		const list = option ? option.closest('[role=listbox]') : null;
		const input = list ? document.querySelector('[role=combobox][aria-controls="' + list.id + '"]') : null;
		if (input) {
			event.preventDefault();
			choose(input, option);
		}
	});

	document.addEventListener('focusout', event => {
		if (isCombobox(event.target)) {
			close(event.target);
		}
	});

	document.addEventListener('htmx:afterSettle', () => {
		document.querySelectorAll('[role=combobox]').forEach(sync);
	});
}());
