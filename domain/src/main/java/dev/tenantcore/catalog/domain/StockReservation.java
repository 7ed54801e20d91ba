package dev.tenantcore.catalog.domain;

/** What taking stock from a product came to. */
public sealed interface StockReservation {

    /** Taken: the product's price at this moment, which the order keeps. */
    record Reserved(Money price) implements StockReservation {
    }

    /** The product exists and is active, but holds fewer than asked for. */
    record InsufficientStock(int available) implements StockReservation {
    }

    /** No such product in the organization, or an archived one: neither can be ordered. */
    record NotOrderable() implements StockReservation {
    }
}
