package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.Change;
import dk.bindeled.dashboard.query.Overview;

/** The data of a {@code change} event on the stream. */
public record StreamMessage(Change change, Overview overview) {
}
